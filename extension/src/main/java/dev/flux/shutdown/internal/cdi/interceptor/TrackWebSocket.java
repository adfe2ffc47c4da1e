package dev.flux.shutdown.internal.cdi.interceptor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link WebSocketSessionInterceptor} to the {@code @OnOpen} and {@code @OnClose} methods of a Jakarta WebSocket
 * server endpoint. The extensions add it (recognising the WebSocket annotations by name, so that the library loads
 * without the API); users never write it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface TrackWebSocket {

    /** The binding as a value, to add it to an annotated method. */
    final class Literal extends AnnotationLiteral<TrackWebSocket> implements TrackWebSocket {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
