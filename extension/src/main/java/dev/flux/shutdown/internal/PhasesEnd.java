package dev.flux.shutdown.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.config.Durations;

/**
 * The end of the phases as others wait for it: a container that closes, or a signal dispatcher, must not go on
 * under them, and waits no longer than its bound (FLUX-0007 when it stops waiting).
 */
final class PhasesEnd {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Completed once the watchdog has settled a shutdown that outlived its bound inside a server (report logged). */
    private final CompletableFuture<Void> timedOut = new CompletableFuture<>();
    private final String label;
    private final Supplier<String> phase;

    /** @param phase the phase running now, named in FLUX-0007 */
    PhasesEnd(String label, Supplier<String> phase) {
        this.label = label;
        this.phase = phase;
    }

    void ended() {
        ended.complete(null);
    }

    void timedOut() {
        timedOut.complete(null);
    }

    /** @return {@code false} if {@code bound} passed first */
    boolean await(Duration bound) {
        try {
            ended.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            stoppedWaiting(bound);
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Completes {@code true} when the phases have run, or {@code false} when the watchdog has settled a shutdown that
     * outlived its bound: it logs its report and FLUX-0003 before the signal goes on to the server, whose exit would
     * drop later log lines. {@code bound} and one second more only cover a watchdog that could not run.
     */
    CompletableFuture<Boolean> whenEnded(Duration bound) {
        return ended.thenApply(done -> true).applyToEither(timedOut.thenApply(expired -> false), end -> end)
                .completeOnTimeout(false, bound.plusSeconds(1).toNanos(), TimeUnit.NANOSECONDS)
                .thenApply(end -> {
                    if (!end) {
                        stoppedWaiting(bound);
                    }
                    return end;
                });
    }

    private void stoppedWaiting(Duration bound) {
        LOG.warning(() -> "FLUX-0007 " + label + "Stopped waiting for the shutdown, still in " + phase.get() + " after "
                + Durations.format(bound));
    }
}
