package dev.flux.shutdown;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@code @ApplicationScoped} or {@code @Singleton} bean that releases a resource (closes a
 * pool, flushes a buffer, syncs a file) in the {@link ShutdownPhase#CLEANING} phase, after in-flight work has
 * drained. Every cleanup runs exactly once, one at a time, on the application's one instance of its bean; a bean
 * that was never created is not created for it (its cleanups are reported as skipped).
 *
 * <p>Order: ascending {@link jakarta.annotation.Priority @Priority} value, taken from the method or else from its
 * bean class; then the cleanups without a priority, in reverse order of their beans' creation (what started last
 * is released first). The built-in flush of every {@code java.util.logging} handler runs last.
 *
 * <p>The method takes no parameter, or one {@link ShutdownPhaseEvent} (the CLEANING event). It may return a
 * {@link java.util.concurrent.CompletionStage}, which is awaited within the same bound. A cleanup that throws or
 * exceeds its bound is logged and reported, and the next one runs; a cleanup that exceeds its bound makes the
 * exit code {@code flux.shutdown.forced-exit-code}. It must be neither private nor static.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Cleanup {

    /**
     * The bound of this cleanup, in the forms the configuration accepts ({@code 500ms}, {@code 30s}, {@code 2m},
     * {@code PT30S}); empty means {@code flux.shutdown.cleanup.timeout}. A value that is not a positive duration
     * fails the deployment.
     *
     * @return the bound, or empty for the configured default
     */
    String timeout() default "";
}
