package dev.flux.shutdown.internal.cdi.discovery;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.annotation.Priority;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.types.Type;

import dev.flux.shutdown.Cleanup;

/**
 * Reads {@link CleanupCandidate}s from the CDI Lite language model, for the build-compatible extension: the same
 * facts and the same notion of reachable methods as {@link CleanupDiscovery} reads by reflection.
 */
public final class LanguageModelCleanups {

    private static final String OBJECT = Object.class.getName();

    private LanguageModelCleanups() {
    }

    /** The {@code @Cleanup} methods that a call on an instance of {@code type} can reach. */
    public static List<CleanupCandidate> candidatesOf(ClassInfo type) {
        List<List<MethodInfo>> declared = new ArrayList<>();
        for (ClassInfo c = type; c != null; c = LanguageModelNames.superclass(c)) {
            Optional<List<MethodInfo>> own = LanguageModelNames.ownMethods(c);
            if (own.isEmpty() || OBJECT.equals(c.name())) {
                break;
            }
            declared.add(own.get());
        }
        return CleanupDiscovery.reachable(declared, LanguageModelCleanups::signature,
                m -> !m.isStatic() && !Modifier.isPrivate(m.modifiers())).stream()
                .filter(m -> m.hasAnnotation(Cleanup.class))
                .map(LanguageModelCleanups::candidate)
                .toList();
    }

    private static CleanupCandidate candidate(MethodInfo method) {
        AnnotationInfo cleanup = method.annotation(Cleanup.class);
        AnnotationInfo priority = method.annotation(Priority.class);
        return new CleanupCandidate(method.name(), method.isStatic(), Modifier.isPrivate(method.modifiers()),
                parameterTypes(method),
                cleanup.hasMember("timeout") ? cleanup.member("timeout").asString() : "",
                priority == null ? OptionalInt.empty() : OptionalInt.of(priority.value().asInt()));
    }

    private static String signature(MethodInfo method) {
        return method.name() + parameterTypes(method);
    }

    private static List<String> parameterTypes(MethodInfo method) {
        return method.parameters().stream().map(p -> erasedName(p.type())).toList();
    }

    /** The binary name of a type's erasure, as {@link Class#getTypeName()} spells it. */
    private static String erasedName(Type type) {
        return switch (type.kind()) {
            case CLASS -> type.asClass().declaration().name();
            case PARAMETERIZED_TYPE -> type.asParameterizedType().declaration().name();
            case ARRAY -> erasedName(type.asArray().componentType()) + "[]";
            case PRIMITIVE -> type.asPrimitive().name();
            default -> type.toString();
        };
    }
}
