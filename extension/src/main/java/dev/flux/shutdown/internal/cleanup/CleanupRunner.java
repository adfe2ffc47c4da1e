package dev.flux.shutdown.internal.cleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.config.Durations;

/**
 * Runs the cleanups of a plan one at a time, each on its own daemon thread and bounded by its timeout, so that a
 * cleanup that throws or hangs is reported and never keeps the next ones from running. A cleanup still running
 * when its bound passes is interrupted and left behind: being a daemon, its thread cannot keep the JVM alive.
 */
public final class CleanupRunner {

    /** The name of every thread that runs a cleanup. */
    public static final String THREAD_NAME = "flux-shutdown-cleanup";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.cleanup");

    private final Executor context;
    private final CleanupMonitor monitor;

    /** Runs cleanups on plain threads, for code that needs no application context (tests). */
    public CleanupRunner() {
        this(Runnable::run);
    }

    /** @param context applies the application's context around each cleanup, on the cleanup's own thread */
    public CleanupRunner(Executor context) {
        this(context, CleanupMonitor.NONE);
    }

    /** @param monitor follows each cleanup (JFR, metrics) */
    public CleanupRunner(Executor context, CleanupMonitor monitor) {
        this.context = context;
        this.monitor = monitor;
    }

    /**
     * Runs every cleanup of the plan, one turn at a time (whether a cleanup's bean exists is decided when its turn
     * comes), and returns one outcome per cleanup, the skipped ones last.
     */
    public List<CleanupOutcome> run(CleanupPlan plan) {
        List<CleanupOutcome> outcomes = new ArrayList<>();
        CleanupPlan.Turns turns = plan.turns();
        for (Optional<CleanupAction> next = turns.next(); next.isPresent(); next = turns.next()) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.warning(() -> "FLUX-0303 The shutdown thread was interrupted during CLEANING; the remaining"
                        + " cleanups do not run");
                notRun(outcomes, CleanupOutcome.interrupted(next.get(), Duration.ZERO));
                turns.notYetRun().forEach(n -> notRun(outcomes, CleanupOutcome.interrupted(n.name(), n.rank())));
                break;
            }
            CleanupAction action = next.get();
            Consumer<CleanupOutcome> ended = monitor.starting(action);
            CleanupOutcome outcome = run(action);
            ended.accept(outcome);
            outcomes.add(outcome);
        }
        for (CleanupPlan.Skipped skipped : turns.skipped()) {
            LOG.fine(() -> "Cleanup " + skipped.name() + " skipped: " + skipped.reason());
            notRun(outcomes, CleanupOutcome.skipped(skipped.name(), CleanupAction.rank(false, skipped.priority()),
                    skipped.reason()));
        }
        return outcomes;
    }

    private void notRun(List<CleanupOutcome> outcomes, CleanupOutcome outcome) {
        monitor.notRun(outcome);
        outcomes.add(outcome);
    }

    /** Runs one cleanup and waits for it, and for the stage it returns, within its timeout. */
    CleanupOutcome run(CleanupAction action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> context.execute(() -> call(action, done)), THREAD_NAME);
        thread.setDaemon(true);
        long start = System.nanoTime();
        LOG.fine(() -> "Running cleanup " + action.name() + " [" + action.rank() + "], bounded by "
                + Durations.format(action.timeout()));
        thread.start();
        try {
            done.get(action.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return CleanupOutcome.ok(action, since(start));
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            LOG.log(Level.WARNING, failure, () -> "FLUX-0301 Cleanup " + action.name() + " failed; the next"
                    + " cleanups run");
            return CleanupOutcome.failed(action, since(start), failure);
        } catch (TimeoutException e) {
            Duration ran = since(start);
            LOG.log(Level.WARNING, whereItHangs(thread), () -> "FLUX-0302 Cleanup " + action.name()
                    + " did not finish within " + Durations.format(action.timeout()) + "; it is interrupted and"
                    + " left behind, the next cleanups run and the exit code will be forced-exit-code"
                    + " (raise @Cleanup(timeout) or " + CleanupConfig.TIMEOUT + " if it needs longer)");
            thread.interrupt();
            return CleanupOutcome.timedOut(action, ran);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return CleanupOutcome.interrupted(action, since(start));
        }
    }

    private static void call(CleanupAction action, CompletableFuture<Void> done) {
        try {
            Object result = action.body().run();
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete((value, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(unwrap(failure));
                    }
                });
            } else {
                done.complete(null);
            }
        } catch (Exception | Error e) {
            // reported by the waiting shutdown thread, with the cleanup's name
            done.completeExceptionally(e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The stack of a cleanup thread that is still running, so the log shows where it is stuck. */
    private static Throwable whereItHangs(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        if (stack.length == 0) {
            return null;
        }
        Throwable where = new Throwable("where " + thread.getName() + " was when its bound passed");
        where.setStackTrace(stack);
        return where;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
