package dev.flux.shutdown.runtime.drain.longlived;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;

/**
 * A long poll (a suspended {@link AsyncResponse} of a {@code @LongPoll} method), ended by resuming it with a 503, so
 * that the client polls again at once, through the load balancer, at another instance. A response that the application
 * resumed already (e.g. with its own answer, from an observer of the DRAINING event) is left alone.
 */
public final class SuspendedLongPoll implements LongLived {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final AsyncResponse response;
    private final Supplier<Response> refusal;

    /** @param refusal what the poll gets at DRAINING: 503 with {@code Retry-After} and {@code Connection: close} */
    public SuspendedLongPoll(AsyncResponse response, Supplier<Response> refusal) {
        this.response = response;
        this.refusal = refusal;
    }

    @Override
    public Kind kind() {
        return Kind.LONG_POLL;
    }

    @Override
    public boolean isOpen() {
        return response.isSuspended();
    }

    @Override
    public CompletionStage<?> end() {
        try {
            response.resume(refusal.get());
        } catch (RuntimeException e) {
            if (response.isSuspended()) {
                return CompletableFuture.failedFuture(e);
            }
            // resumed, and the runtime failed only after writing the 503: Jersey on Weld SE fails to end the request
            // scope of a response resumed on a thread other than the request's, as for the application's own resumes
            LOG.log(Level.FINE, "FLUX-0754 A long poll got its 503; the runtime failed after writing it", e);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Equal to every other handle of the same response: one registered twice is ended once. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SuspendedLongPoll that && that.response == response;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(response);
    }
}
