package dev.flux.shutdown.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
import dev.flux.shutdown.runtime.process.RunningApplication;

/**
 * Runs the five phases once, in order, whatever starts the shutdown, and bounds the whole run with a watchdog.
 * Triggers first {@link #claim claim} the shutdown (only one can), then run it, on their own thread
 * ({@link #runPhases}) or on a new one ({@link #start}), and end the process only if the application owns it.
 */
public final class ShutdownCoordinator {

    /** The name of the thread that runs the phases when the trigger does not run them itself. */
    public static final String THREAD_NAME = "flux-shutdown";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownConfig config;
    private final List<PhaseStep> steps;
    private final Consumer<ShutdownPhaseEvent> events;
    private final ProcessExit exit;
    private final RunningApplication application;
    private final ReportLog reportLog;
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
     * @param steps       the work of PREPARING, DRAINING, CLEANING and PERSISTING, in that order (EXITING is the
     *                    report, done here)
     * @param events      receives every phase start, e.g. to fire it as a CDI event
     * @param application whether the application owns the process (only then may it be ended) and its context
     */
    public ShutdownCoordinator(ShutdownConfig config, List<PhaseStep> steps, Consumer<ShutdownPhaseEvent> events,
            ProcessExit exit, RunningApplication application) {
        this.config = config;
        this.steps = List.copyOf(steps);
        this.events = events;
        this.exit = exit;
        this.application = application;
        this.reportLog = new ReportLog(application.logLabel());
        this.watchdog = new Watchdog(config.timeout(), () -> application.context().execute(this::onTimeout));
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
            LOG.log(level, () -> "FLUX-0002 " + label() + "Shutdown already started by " + this.cause.get() + "; ignoring "
                    + cause);
            return false;
        }
        synchronized (this) {
            startNanos = System.nanoTime();
            phaseStartNanos = startNanos;
            phase = ShutdownPhase.PREPARING;
        }
        watchdog.arm();
        LOG.info(() -> "FLUX-0001 " + label() + "Graceful shutdown started by " + cause + "; bounded by "
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
     * Claims the shutdown for {@code cause} and runs the phases on a new thread, in the application's context. A
     * programmatic shutdown then ends the process, where the application owns it.
     *
     * @return {@code true} if this call started the shutdown
     */
    public boolean start(ShutdownCause cause) {
        if (!claim(cause)) {
            return false;
        }
        boolean thenExit = cause.trigger() == ShutdownCause.Trigger.PROGRAMMATIC;
        application.context().newThread(THREAD_NAME, false, () -> {
            runPhases();
            if (thenExit) {
                endProcess();
            }
        }).start();
        return true;
    }

    /**
     * Waits, at most {@code bound}, until the phases of a started shutdown have run: a container that closes or a
     * signal dispatcher must not go on under them. Returns at once on the thread that runs the phases (a cleanup
     * that closes the container) or when none has started.
     *
     * @return {@code false} if the bound passed first
     */
    public boolean awaitPhases(Duration bound) {
        if (cause.get() == null || Thread.currentThread() == phasesThread) {
            return true;
        }
        try {
            if (phasesDone.await(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            LOG.warning(() -> "FLUX-0007 " + label() + "Stopped waiting for the shutdown, still in " + phase
                    + " after " + Durations.format(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
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
        reportLog.log(done);
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

    /** Whether the application owns the process, so that the library may end it. */
    public boolean ownsProcess() {
        return application.ownsProcess();
    }

    /**
     * Ends the process as the report says, {@code exit-code} or {@code forced-exit-code}, where the application
     * owns it; does nothing inside a server. The watchdog stays armed while the runtime's shutdown hooks run; only
     * a {@link ProcessExit} that returns (the process goes on, by its owner's choice) stops it.
     */
    public void endProcess() {
        ShutdownReport done = report;
        if (done != null && done.exitCode().isPresent()) {
            exit.exit(done.exitCode().getAsInt());
            watchdog.disarm();
        }
    }

    /** Ends the process at once with {@code forced-exit-code}, e.g. on a second SIGINT, where the application owns it. */
    public void forceExit(String why) {
        if (!ownsProcess()) {
            LOG.warning(() -> "FLUX-0004 " + label() + why + ": the server hosts this application, so the library"
                    + " does not end the process");
            return;
        }
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
                exitCodeFor(started, complete ? config.exitCode() : config.forcedExitCode()));
    }

    /**
     * The exit code the library ends the process with: none inside a server, and none when the container closes
     * (whoever closes it decides what becomes of the process).
     */
    private OptionalInt exitCodeFor(ShutdownCause started, int code) {
        return ownsProcess() && started.trigger() != ShutdownCause.Trigger.CONTAINER ? OptionalInt.of(code)
                : OptionalInt.empty();
    }

    private String label() {
        return application.logLabel();
    }

    /**
     * The watchdog's expiry: the report so far, then a halt where the application owns the process. Inside a
     * server the library only stops waiting: the server's own bounds decide, and other applications live on.
     */
    private void onTimeout() {
        ShutdownReport partial;
        synchronized (this) {
            partial = timedOutReport();
        }
        if (!ownsProcess()) {
            LOG.severe(() -> "FLUX-0003 " + label() + "Shutdown exceeded " + ShutdownConfig.TIMEOUT + "="
                    + Durations.format(config.timeout()) + " while in " + phase + "; the server hosts this"
                    + " application, so the library stops waiting and leaves the process to the server");
            reportLog.log(partial);
            return;
        }
        LOG.severe(() -> "FLUX-0003 Shutdown exceeded " + ShutdownConfig.TIMEOUT + "="
                + Durations.format(config.timeout()) + " while in " + phase + "; halting with exit code "
                + config.forcedExitCode());
        reportLog.log(partial);
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
        return new ShutdownReport(cause.get(), phases, since(startNanos),
                exitCodeFor(cause.get(), config.forcedExitCode()));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
