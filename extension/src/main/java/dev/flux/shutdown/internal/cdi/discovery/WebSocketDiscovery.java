package dev.flux.shutdown.internal.cdi.discovery;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Collection;

import jakarta.enterprise.lang.model.AnnotationTarget;

import dev.flux.shutdown.internal.drain.websocket.WebSocketSessions;

/**
 * Which classes are WebSocket server endpoints and which of their methods open and close sessions, the same rule for
 * both extension flavours. By annotation name: a runtime without the WebSocket API never loads a WebSocket type
 * through the library.
 */
public final class WebSocketDiscovery {

    private WebSocketDiscovery() {
    }

    public static boolean isEndpoint(Collection<Annotation> annotationsOfType) {
        return annotationsOfType.stream()
                .anyMatch(a -> a.annotationType().getName().equals(WebSocketSessions.SERVER_ENDPOINT));
    }

    public static boolean opensOrCloses(Method method) {
        return has(method, WebSocketSessions.ON_OPEN) || isOnClose(method);
    }

    public static boolean isOnClose(Method method) {
        return has(method, WebSocketSessions.ON_CLOSE);
    }

    public static boolean isEndpoint(AnnotationTarget type) {
        return type.hasAnnotation(a -> LanguageModelNames.is(a, WebSocketSessions.SERVER_ENDPOINT));
    }

    public static boolean opensOrCloses(AnnotationTarget method) {
        return method.hasAnnotation(a -> LanguageModelNames.is(a, WebSocketSessions.ON_OPEN)
                || LanguageModelNames.is(a, WebSocketSessions.ON_CLOSE));
    }

    private static boolean has(AnnotatedElement element, String annotation) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
