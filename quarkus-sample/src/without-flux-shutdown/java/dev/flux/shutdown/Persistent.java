package dev.flux.shutdown;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inert stand-in for flux-shutdown's {@code @Persistent}, compiled only in the {@code without-flux-shutdown} profile
 * of the sample: no code reads it, so no checkpoint is written or restored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Persistent {

    /** Accepted and ignored, as the sample sets it. */
    String value() default "";
}
