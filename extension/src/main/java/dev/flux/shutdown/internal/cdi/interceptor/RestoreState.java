package dev.flux.shutdown.internal.cdi.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link RestoreStateInterceptor} to a {@code @Persistent} bean. The extension adds it to every such bean
 * class; applications never write it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RestoreState {

    /** The binding as a value, for adding it to an annotated type. */
    final class Literal extends AnnotationLiteral<RestoreState> implements RestoreState {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;
    }
}
