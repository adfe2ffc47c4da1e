package dev.flux.shutdown;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks bean methods (or every business method of a bean) whose calls count as in-flight work: DRAINING waits
 * for them as it waits for HTTP requests, bounded by {@code flux.shutdown.drain.timeout}. A method that returns a
 * {@link java.util.concurrent.CompletionStage} stays in flight until the stage completes. Calls that start after
 * DRAINING has ended still run, but are no longer counted.
 */
@InterceptorBinding
@Inherited
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface InFlight {
}
