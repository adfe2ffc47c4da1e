package dev.flux.shutdown;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inert stand-in for flux-shutdown's {@code @LongPoll}, compiled only in the {@code without-flux-shutdown} profile of
 * the sample so that the same source builds without the library: no code reads it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LongPoll {
}
