package dev.flux.shutdown.internal.cdi.discovery;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.types.Type;

/**
 * Names in the build-compatible extension's language model, for classes the build may not see. A CDI Lite runtime
 * resolves an annotation's or a type's name through its index of the application, which holds only what is on its
 * class path: on Quarkus without SmallRye Health, the {@code @Readiness} of the library's own readiness check names
 * a class that is nowhere, and asking for that name fails the build (ArC: "Class ... not found in Jandex"); a bean
 * of another library (quarkus-opentelemetry's) may extend a class that is not indexed either. A class the build
 * cannot see is none of the JAX-RS or WebSocket types the extension looks for, and declares no {@code @Cleanup}
 * (it would depend on the library and be part of the application).
 */
final class LanguageModelNames {

    private LanguageModelNames() {
    }

    /** Whether {@code annotation} is the one named {@code name}; false for one whose class the build cannot see. */
    static boolean is(AnnotationInfo annotation, String name) {
        try {
            return annotation.name().equals(name);
        } catch (RuntimeException notIndexed) {
            return false;
        }
    }

    /** Whether {@code type} is the class named {@code name}; false for a class the build cannot see. */
    static boolean isClass(Type type, String name) {
        try {
            return type.isClass() && type.asClass().declaration().name().equals(name);
        } catch (RuntimeException notIndexed) {
            return false;
        }
    }

    /**
     * The methods {@code type} declares itself ({@code methods()} may list inherited ones too), or empty if the
     * build cannot see the class.
     */
    static Optional<List<MethodInfo>> ownMethods(ClassInfo type) {
        try {
            String name = type.name();
            return Optional.of(type.methods().stream().filter(m -> name.equals(m.declaringClass().name())).toList());
        } catch (RuntimeException notIndexed) {
            return Optional.empty();
        }
    }

    /** The superclass of {@code type}, or null if it has none or the build cannot see it. */
    static ClassInfo superclass(ClassInfo type) {
        try {
            return type.superClassDeclaration();
        } catch (RuntimeException notIndexed) {
            return null;
        }
    }
}
