package dev.flux.shutdown.internal.cdi.interceptor;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link CreationOrderInterceptor} to a bean class. The extension adds it to every bean class that declares
 * a {@code @Cleanup} method, so that cleanups without a priority can run in reverse order of creation; users never
 * write it. It is inherited, so that a bean whose cleanup is declared by a superclass is bound where the
 * build-compatible extension can only mark the class that declares it.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target(TYPE)
public @interface TrackCreation {

    /** The binding as a value, to add it to an annotated type. */
    final class Literal extends AnnotationLiteral<TrackCreation> implements TrackCreation {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
