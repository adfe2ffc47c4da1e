package dev.flux.shutdown.internal.cdi.interceptor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link LongLivedInterceptor} to a resource method that opens a long-lived response (it takes an
 * {@code SseEventSink}, or is a {@code @LongPoll}). The extensions add it ({@link LongLivedDiscovery}); users never
 * write it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface EndsAtDraining {

    /** The binding as a value, to add it to an annotated method. */
    final class Literal extends AnnotationLiteral<EndsAtDraining> implements EndsAtDraining {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
