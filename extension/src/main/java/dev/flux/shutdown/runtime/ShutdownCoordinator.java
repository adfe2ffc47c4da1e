package dev.flux.shutdown.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/**
 * Runs the five phases once, in order, whatever starts the shutdown, and bounds the whole run with a watchdog.
 * Triggers first {@link #claim claim} the shutdown (only one can), then {@link #runPhases run} it on a thread of
 * their choice and decide how the process ends.
 */
public final class ShutdownCoordinator {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownConfig config;
    private final List<PhaseStep> steps;
    private final Consumer<ShutdownPhaseEvent> events;
    private final ProcessExit exit;
    private final AtomicReference<ShutdownCause> cause = new AtomicReference<>();
    private final List<PhaseReport> finished = new ArrayList<>();
    private final Watchdog watchdog;
    private final CountDownLatch phasesDone = new CountDownLatch(1);
    private volatile Thread phasesThread;
    private volatile ShutdownPhase phase;
    private volatile ShutdownReport report;
    private long startNanos;
    private long phaseStartNanos;

    /**
     * @param steps  the work of PREPARING, DRAINING, CLEANING and PERSISTING, in that order (EXITING is the
     *               report, done here)
     * @param events receives every phase start, e.g. to fire it as a CDI event
     */
    public ShutdownCoordinator(ShutdownConfig config, List<PhaseStep> steps, Consumer<ShutdownPhaseEvent> events,
            ProcessExit exit) {
        this.config = config;
        this.steps = List.copyOf(steps);
        this.events = events;
        this.exit = exit;
        this.watchdog = new Watchdog(config.timeout(), this::haltOnTimeout);
        List<ShutdownPhase> expected = List.of(ShutdownPhase.PREPARING, ShutdownPhase.DRAINING,
                ShutdownPhase.CLEANING, ShutdownPhase.PERSISTING);
        if (!this.steps.stream().map(PhaseStep::phase).toList().equals(expected)) {
            throw new IllegalArgumentException("steps must be, in order, " + expected);
        }
    }

    /**
     * Starts the shutdown for {@code cause} unless one has already started: from this instant the phase is
     * PREPARING (so readiness reports DOWN) and the watchdog runs.
     *
     * @return {@code true} if this call started the shutdown and must now call {@link #runPhases()}
     */
    public boolean claim(ShutdownCause cause) {
        if (!config.enabled()) {
            return false;
        }
        if (!this.cause.compareAndSet(null, cause)) {
            Level level = cause.trigger() == ShutdownCause.Trigger.CONTAINER ? Level.FINE : Level.INFO;
            LOG.log(level, () -> "FLUX-0002 Shutdown already started by " + this.cause.get() + "; ignoring "
                    + cause);
            return false;
        }
        synchronized (this) {
            startNanos = System.nanoTime();
            phaseStartNanos = startNanos;
            phase = ShutdownPhase.PREPARING;
        }
        watchdog.arm();
        LOG.info(() -> "FLUX-0001 Graceful shutdown started by " + cause + "; bounded by "
                + Durations.format(config.timeout()));
        return true;
    }

    /** Runs every phase on the calling thread, logs the report and returns it. Call once, after {@link #claim}. */
    public ShutdownReport runPhases() {
        ShutdownCause started = cause.get();
        if (started == null) {
            throw new IllegalStateException("runPhases() before a successful claim()");
        }
        phasesThread = Thread.currentThread();
        try {
            return runClaimedPhases(started);
        } finally {
            phasesDone.countDown();
        }
    }

    /**
     * Waits until the phases of a shutdown started elsewhere have run, bounded by {@code flux.shutdown.timeout}: a
     * container that closes while a signal or programmatic shutdown runs must not destroy the beans under it. Returns
     * at once on the thread that runs the phases (a cleanup that closes the container) or when none has started.
     */
    public void awaitPhases() {
        if (cause.get() == null || Thread.currentThread() == phasesThread) {
            return;
        }
        try {
            if (!phasesDone.await(config.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warning(() -> "FLUX-0007 The container is closing while the shutdown is still in " + phase
                        + " after " + Durations.format(config.timeout()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ShutdownReport runClaimedPhases(ShutdownCause started) {
        for (PhaseStep step : steps) {
            long phaseStart = enter(step.phase(), started);
            PhaseResult result = runStep(step, started);
            record(new PhaseReport(step.phase(), since(phaseStart), !result.timedOut(), result.summary(),
                    result.details()));
        }
        long exitingStart = enter(ShutdownPhase.EXITING, started);
        ShutdownReport done;
        synchronized (this) {
            finished.add(new PhaseReport(ShutdownPhase.EXITING, since(exitingStart), true, "report logged",
                    List.of()));
            done = buildReport(started);
        }
        report = done;
        ReportLog.log(done);
        return done;
    }

    /** Stops the watchdog, for triggers that do not end the process themselves (the container closing). */
    public void disarmWatchdog() {
        watchdog.disarm();
    }

    public boolean isShuttingDown() {
        return phase != null;
    }

    public Optional<ShutdownPhase> phase() {
        return Optional.ofNullable(phase);
    }

    public Optional<ShutdownReport> report() {
        return Optional.ofNullable(report);
    }

    public ShutdownConfig config() {
        return config;
    }

    /**
     * Ends the process as the report says: {@code exit-code} or {@code forced-exit-code}. The watchdog stays armed
     * while the runtime's shutdown hooks run; only a {@link ProcessExit} that returns (the process goes on, by its
     * owner's choice) stops it.
     */
    public void exitProcess(ShutdownReport done) {
        exit.exit(done.exitCode());
        watchdog.disarm();
    }

    /** Ends the process at once with {@code forced-exit-code}, e.g. on a second SIGINT. */
    public void forceExit(String why) {
        LOG.warning(() -> "FLUX-0004 " + why + ": halting now with exit code " + config.forcedExitCode());
        ReportLog.flushHandlers();
        exit.halt(config.forcedExitCode());
    }

    private long enter(ShutdownPhase next, ShutdownCause started) {
        long now = System.nanoTime();
        synchronized (this) {
            phaseStartNanos = now;
            phase = next;
        }
        try {
            events.accept(new ShutdownPhaseEvent(next, started, Duration.ofNanos(now - startNanos)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FLUX-0005 An observer of the " + next + " event failed; the shutdown goes on", e);
        }
        return now;
    }

    private PhaseResult runStep(PhaseStep step, ShutdownCause started) {
        try {
            return step.run(started);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FLUX-0006 The " + step.phase() + " phase failed; the shutdown goes on", e);
            return new PhaseResult(false, "failed: " + e, List.of());
        }
    }

    private synchronized void record(PhaseReport phaseReport) {
        finished.add(phaseReport);
    }

    private ShutdownReport buildReport(ShutdownCause started) {
        boolean complete = finished.stream().allMatch(PhaseReport::complete);
        return new ShutdownReport(started, finished, since(startNanos),
                complete ? config.exitCode() : config.forcedExitCode());
    }

    private void haltOnTimeout() {
        ShutdownReport partial;
        synchronized (this) {
            partial = timedOutReport();
        }
        LOG.severe(() -> "FLUX-0003 Shutdown exceeded " + ShutdownConfig.TIMEOUT + "="
                + Durations.format(config.timeout()) + " while in " + phase + "; halting with exit code "
                + config.forcedExitCode());
        ReportLog.log(partial);
        ReportLog.flushHandlers();
        exit.halt(config.forcedExitCode());
    }

    /**
     * The report at the watchdog's expiry: the phases that finished, then the one still running, as timed out, so
     * that the report and the exit code agree.
     */
    private ShutdownReport timedOutReport() {
        List<PhaseReport> phases = new ArrayList<>(finished);
        ShutdownPhase running = phase;
        if (phases.stream().noneMatch(done -> done.phase() == running)) {
            phases.add(new PhaseReport(running, since(phaseStartNanos), false,
                    "still running when " + ShutdownConfig.TIMEOUT + " expired", List.of()));
        }
        return new ShutdownReport(cause.get(), phases, since(startNanos), config.forcedExitCode());
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
