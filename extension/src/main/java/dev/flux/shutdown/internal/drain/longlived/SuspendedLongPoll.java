package dev.flux.shutdown.internal.drain.longlived;

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
public final class SuspendedLongPoll extends LongLivedHandle<AsyncResponse> {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final Supplier<Response> refusal;

    /** @param refusal what the poll gets at DRAINING: 503 with {@code Retry-After} and {@code Connection: close} */
    public SuspendedLongPoll(AsyncResponse response, Supplier<Response> refusal) {
        super(Kind.LONG_POLL, response);
        this.refusal = refusal;
    }

    @Override
    public boolean isOpen() {
        return target().isSuspended();
    }

    @Override
    public CompletionStage<?> end() {
        try {
            target().resume(refusal.get());
        } catch (RuntimeException e) {
            if (target().isSuspended()) {
                return CompletableFuture.failedFuture(e);
            }
            // resumed, and the runtime failed only after writing the 503: Jersey on Weld SE fails to end the request
            // scope of a response resumed on a thread other than the request's, as for the application's own resumes
            LOG.log(Level.FINE, "FLUX-0754 A long poll got its 503; the runtime failed after writing it", e);
        }
        return CompletableFuture.completedFuture(null);
    }
}
