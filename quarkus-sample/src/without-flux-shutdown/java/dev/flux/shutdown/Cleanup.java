package dev.flux.shutdown;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inert stand-in for flux-shutdown's {@code @Cleanup}, compiled only in the {@code without-flux-shutdown} profile of
 * the sample so that the same source builds without the library: no code reads it, so nothing runs at shutdown.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cleanup {

    /** Accepted and ignored, as the sample sets it. */
    String timeout() default "";
}
