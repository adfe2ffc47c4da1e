package dev.flux.shutdown.internal.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.config.Durations;

/**
 * Runs checkpoints (each one set of every bean) every {@code flux.shutdown.state.checkpoint-interval} on one named
 * daemon thread, from the application's start until PERSISTING. The delay is counted from the end of one
 * checkpoint to the start of the next, so slow commits never pile up.
 */
public final class PeriodicCheckpoints {

    /** The name of the thread that writes periodic checkpoints. */
    public static final String THREAD_NAME = "flux-shutdown-checkpoint";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private ScheduledExecutorService executor;
    private boolean stopped;

    /** Starts running {@code checkpointAll} every {@code interval}; does nothing if zero, started or stopped. */
    public synchronized void start(Duration interval, Runnable checkpointAll) {
        if (interval.isZero() || executor != null || stopped) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        executor.scheduleWithFixedDelay(() -> runGuarded(checkpointAll), nanos, nanos, TimeUnit.NANOSECONDS);
        LOG.fine(() -> "Periodic checkpoints every " + Durations.format(interval));
    }

    /**
     * Stops scheduling; a checkpoint in progress is not interrupted (an interrupt would abort its commit) and
     * finishes before the final one.
     */
    public synchronized void stop() {
        stopped = true;
        if (executor != null) {
            executor.shutdown();
        }
    }

    private static void runGuarded(Runnable checkpointAll) {
        try {
            checkpointAll.run();
        } catch (RuntimeException e) {
            // an exception would cancel every later run of a scheduled task
            LOG.log(Level.WARNING, "FLUX-0709 A periodic checkpoint failed; the next one runs as planned",
                    e);
        }
    }
}
