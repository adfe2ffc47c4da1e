package dev.flux.shutdown.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.internal.process.ProcessExit;
import dev.flux.shutdown.internal.process.RunningApplication;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.phase.PhaseStep;
import dev.flux.shutdown.internal.report.ReportLog;
import dev.flux.shutdown.internal.process.ProcessEnding;

/**
 * Runs the five phases once, in order, whatever starts the shutdown, and bounds the whole run with a watchdog.
 * Every trigger {@link #start starts} it (only the first one does) on a thread of the application's, waits for it
 * as long as it must ({@link #awaitPhases}), and the process is ended only where the application owns it
 * ({@link #endProcess}, through {@link ProcessEnding}).
 */
public final class ShutdownCoordinator {

    /** The name of the thread that runs the phases. */
    public static final String THREAD_NAME = "flux-shutdown";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownConfig config;
    private final PhaseSequence phases;
    private final ProcessEnding ending;
    private final RunningApplication application;
    private final ShutdownRecord record;
    private final Supplier<LateRequests> lateRequests;
    private final AtomicReference<ShutdownCause> cause = new AtomicReference<>();
    private final AtomicBoolean launched = new AtomicBoolean();
    private final PhaseTimeline timeline = new PhaseTimeline();
    private final PhasesEnd phasesEnd;
    private volatile Thread phasesThread;
    private volatile ShutdownReport report;

    /**
     * @param steps        the work of PREPARING, DRAINING, CLEANING and PERSISTING, in that order (EXITING is the
     *                     report, done here)
     * @param events       receives every phase start, e.g. to fire it as a CDI event
     * @param application  whether the application owns the process (only then may it be ended) and its context
     * @param lateRequests the counts of requests that arrived once DRAINING had started, read for the report
     * @param monitor      follows the shutdown as it happens (JFR, JMX, metrics)
     */
    public ShutdownCoordinator(ShutdownConfig config, List<PhaseStep> steps, Consumer<ShutdownPhaseEvent> events,
            ProcessExit exit, RunningApplication application, Supplier<LateRequests> lateRequests,
            ShutdownMonitor monitor) {
        this.config = config;
        this.lateRequests = lateRequests;
        this.application = application;
        this.record = new ShutdownRecord(monitor,
                new ReportLog(application.logLabel(), application.name(), config.observe().reportFormat()),
                application.logLabel());
        this.phases = new PhaseSequence(steps, events, timeline, record);
        this.ending = new ProcessEnding(config, exit, application, this::onTimeout);
        this.phasesEnd = new PhasesEnd(application.logLabel(),
                () -> timeline.phase().map(Enum::name).orElse("RUNNING"));
    }

    /**
     * Claims the shutdown for {@code cause} unless one has already started: from this instant the phase is
     * PREPARING, so readiness reports DOWN. Nothing else happens here (no log, no thread): a signal claims every
     * application of a server before any of them {@link #launch launches}, so that their readiness goes DOWN
     * together.
     *
     * @return {@code true} if this call claimed the shutdown, which must now be launched
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
        timeline.start(ShutdownPhase.PREPARING);
        return true;
    }

    /** Runs every phase on the calling thread and logs the report; once, after a successful {@link #claim}. */
    private void runPhases() {
        phasesThread = Thread.currentThread();
        // on the phases thread, not in launch: a signal launches every application of a server one after the
        // other, and the first application's observers must not delay the others
        record.observe(m -> m.started(cause.get()));
        try {
            runClaimedPhases(cause.get());
        } finally {
            phasesEnd.ended();
        }
    }

    /**
     * Claims the shutdown for {@code cause} and {@link #launch launches} it.
     *
     * @return {@code true} if this call started the shutdown
     */
    public boolean start(ShutdownCause cause) {
        return claim(cause) && launch(cause);
    }

    /**
     * Runs the phases of the shutdown claimed for {@code cause} on a new thread, in the application's context, under
     * the watchdog; once. A programmatic shutdown then ends the process, where the application owns it.
     *
     * @return {@code false} if the shutdown was not claimed for {@code cause} or was launched already
     */
    public boolean launch(ShutdownCause cause) {
        if (this.cause.get() != cause || !launched.compareAndSet(false, true)) {
            return false;
        }
        ending.arm();
        LOG.info(() -> "FLUX-0001 " + label() + "Graceful shutdown started by " + cause + "; bounded by "
                + Durations.format(config.timeout()));
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
        return phasesEnd.await(bound);
    }

    /**
     * Completes when the phases of the shutdown that has started have run ({@code true}), or when the watchdog has
     * settled one that outlived its bound ({@code false}, with {@code bound} as a last resort): a signal dispatcher
     * waits for every application's at once.
     */
    public CompletableFuture<Boolean> phasesEnded(Duration bound) {
        return phasesEnd.whenEnded(bound);
    }

    private void runClaimedPhases(ShutdownCause started) {
        phases.run(started);
        ShutdownReport done = timeline.report(started, complete -> ending.exitCodeFor(started, complete),
                lateRequests.get());
        report = done;
        record.phasesEnded(done);
        ending.phasesEnded(done);
    }

    /**
     * Gives up on a shutdown that outlived its bound inside a server, whose container is going away: the phases
     * thread is interrupted, so the cleanups not yet run are skipped and the one running is interrupted.
     */
    public void abandon() {
        Thread running = phasesThread;
        if (running != null && !ownsProcess()) {
            running.interrupt();
        }
    }

    public boolean isShuttingDown() {
        return timeline.phase().isPresent();
    }

    public Optional<ShutdownPhase> phase() {
        return timeline.phase();
    }

    public Optional<ShutdownReport> report() {
        return Optional.ofNullable(report);
    }

    public ShutdownConfig config() {
        return config;
    }

    /** Whether the application owns the process, so that the library may end it. */
    public boolean ownsProcess() {
        return ending.ownsProcess();
    }

    /** Ends the process as the report says, where the application owns it; does nothing inside a server. */
    public void endProcess() {
        ending.end(report);
    }

    /** Ends the process at once with {@code forced-exit-code}, e.g. on a second SIGINT, where the application owns it. */
    public void forceExit(String why) {
        ending.force(why);
    }

    private String label() {
        return application.logLabel();
    }

    /**
     * The watchdog's expiry: the report so far, then a halt where the application owns the process. Inside a
     * server the library only stops waiting: the server's own bounds decide, and other applications live on.
     */
    private void onTimeout() {
        ShutdownReport partial = timeline.timedOut(cause.get(), ending.exitCodeFor(cause.get(), false),
                lateRequests.get());
        ShutdownPhase phase = partial.phases().get(partial.phases().size() - 1).phase();
        record.observe(m -> m.timedOut(partial.cause(), phase));
        record.timedOut(partial, reportFollows -> ending.announceTimeout(phase, reportFollows));
        if (ending.ownsProcess()) {
            ending.halt();
        } else {
            phasesEnd.timedOut();
        }
    }
}
