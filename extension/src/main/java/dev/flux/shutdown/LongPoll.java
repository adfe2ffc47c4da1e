package dev.flux.shutdown;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method whose {@code @Suspended AsyncResponse} is a long poll: it is not counted as in-flight
 * work, and at the start of DRAINING, if still suspended, it is resumed with 503, {@code Retry-After}
 * ({@code flux.shutdown.reject.retry-after}) and {@code Connection: close}, so that the client polls again at another
 * instance instead of holding DRAINING until {@code flux.shutdown.drain.timeout}. A long poll that arrives once
 * DRAINING has started gets that 503 at once. To answer differently, resume the response yourself in an observer of
 * the DRAINING {@link ShutdownPhaseEvent}: a response already resumed is left alone. The resource must be a CDI bean
 * (always on Quarkus; on other runtimes give it a scope such as {@code @ApplicationScoped}). Asynchronous responses of
 * methods without this annotation are awaited as ordinary work.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LongPoll {
}
