package dev.flux.shutdown.internal.cdi.discovery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;

import jakarta.enterprise.lang.model.AnnotationTarget;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;

import dev.flux.shutdown.LongPoll;

/**
 * Which bean methods open long-lived responses, the same rule for both extension flavours: the methods of JAX-RS
 * resource classes ({@code @Path}) that take an {@code SseEventSink} or are marked {@link LongPoll}. By type and
 * annotation names, so that the extensions load where JAX-RS is absent.
 */
public final class LongLivedDiscovery {

    static final String PATH = "jakarta.ws.rs.Path";
    static final String EVENT_SINK = "jakarta.ws.rs.sse.SseEventSink";

    private LongLivedDiscovery() {
    }

    /** For the portable extension: whether a type with these annotations is a resource class. */
    public static boolean isResource(Collection<Annotation> annotationsOfType) {
        return annotationsOfType.stream().anyMatch(a -> a.annotationType().getName().equals(PATH));
    }

    /** For the portable extension, which sees reflection's view. */
    public static boolean opensLongLived(Method method) {
        if (method.isAnnotationPresent(LongPoll.class)) {
            return true;
        }
        for (Class<?> type : method.getParameterTypes()) {
            if (type.getName().equals(EVENT_SINK)) {
                return true;
            }
        }
        return false;
    }

    /** For the build-compatible extension: whether the class is a resource class. */
    public static boolean isResource(AnnotationTarget type) {
        return type.hasAnnotation(a -> LanguageModelNames.is(a, PATH));
    }

    /** For the build-compatible extension, which sees the language model. */
    public static boolean opensLongLived(MethodInfo method) {
        if (method.hasAnnotation(LongPoll.class)) {
            return true;
        }
        for (ParameterInfo parameter : method.parameters()) {
            if (LanguageModelNames.isClass(parameter.type(), EVENT_SINK)) {
                return true;
            }
        }
        return false;
    }
}
