package dev.flux.shutdown.internal.observe.jfr;

import java.util.List;
import java.util.function.Consumer;

import jdk.jfr.Event;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.cleanup.CleanupAction;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome;
import dev.flux.shutdown.internal.drain.DrainConfig;
import dev.flux.shutdown.internal.drain.DrainOutcome;
import dev.flux.shutdown.internal.observe.ShutdownObserver;
import dev.flux.shutdown.internal.state.CheckpointOutcome;
import dev.flux.shutdown.internal.state.CommitOutcome;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * Shows a shutdown in JDK Flight Recorder: one event for the trigger, one per phase (timed from its start to its
 * end), the drain, each piece of work still running at a timeout, each cleanup and each checkpoint. Nothing per
 * request. Events are enabled by default, so any recording (the JDK's default settings included) has them; when no
 * recording runs, each costs a check of a flag. Loaded only where the {@code jdk.jfr} module is visible.
 */
public final class JfrObserver implements ShutdownObserver {

    private final String application;
    private final boolean ownsProcess;
    /** The phase running now and its drain: phases run one after the other on one thread. */
    private PhaseEvent phase;
    private DrainEvent drain;

    /**
     * @param ownsProcess whether the application owns the process: the watchdog then halts the JVM, which skips
     *                    the JVM's shutdown hooks, JFR's dump at exit among them
     */
    public JfrObserver(String application, boolean ownsProcess) {
        this.application = application;
        this.ownsProcess = ownsProcess;
    }

    /**
     * Where a recording runs already as the application starts (-XX:StartFlightRecording), loads every event class
     * now, without committing any: JFR sets each class up the first time it is used, which would otherwise happen
     * during the shutdown.
     */
    @Override
    public void applicationStarted() {
        if (!Recordings.initialized()) {
            return;
        }
        for (Event event : List.of(new TriggerEvent(), new PhaseEvent(), new DrainEvent(), new StillRunningEvent(),
                new CleanupEvent(), new CheckpointEvent())) {
            event.isEnabled();
        }
    }

    @Override
    public void started(ShutdownCause cause) {
        if (!Recordings.initialized()) {
            return;
        }
        TriggerEvent event = new TriggerEvent();
        if (event.shouldCommit()) {
            event.application = application;
            event.trigger = cause.trigger().name();
            event.detail = cause.detail();
            event.commit();
        }
    }

    @Override
    public synchronized void phaseStarted(ShutdownPhase next, ShutdownCause cause) {
        if (!Recordings.initialized()) {
            return;
        }
        phase = new PhaseEvent();
        phase.begin();
        if (next == ShutdownPhase.DRAINING) {
            drain = new DrainEvent();
            drain.begin();
        }
    }

    @Override
    public synchronized void phaseEnded(ShutdownCause cause, PhaseReport report) {
        PhaseEvent event = phase;
        phase = null;
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.application = application;
            event.phase = report.phase().name();
            event.cause = cause.toString();
            event.outcome = report.complete() ? "ok" : "timed-out";
            event.summary = report.summary();
            event.commit();
        }
    }

    @Override
    public synchronized void drained(int atStart, DrainOutcome outcome, LateRequests late) {
        if (!Recordings.initialized()) {
            return;
        }
        DrainEvent event = drain != null ? drain : new DrainEvent();
        drain = null;
        event.end();
        if (event.shouldCommit()) {
            event.application = application;
            event.inFlightAtStart = atStart;
            event.servedLate = late.served();
            event.refused = late.refusedDuringDraining();
            event.stillRunning = outcome.remaining();
            event.timedOut = outcome.timedOut();
            event.latency = outcome.latency().toNanos();
            event.commit();
        }
        outcome.stillRunning().forEach(work -> stillRunning(work, DrainConfig.TIMEOUT));
    }

    @Override
    public void timedOut(ShutdownCause cause, ShutdownPhase running) {
        stillRunning(running + " phase", ConfigKeys.TIMEOUT);
        synchronized (this) {
            PhaseEvent event = phase;
            phase = null;
            if (event != null && event.shouldCommit()) {
                event.end();
                event.application = application;
                event.phase = running.name();
                event.cause = cause.toString();
                event.outcome = "timed-out";
                event.summary = "still running when " + ConfigKeys.TIMEOUT + " expired";
                event.commit();
            }
        }
        if (ownsProcess) {
            Recordings.dumpBeforeHalt();
        }
    }

    private void stillRunning(String work, String bound) {
        if (!Recordings.initialized()) {
            return;
        }
        StillRunningEvent event = new StillRunningEvent();
        if (event.shouldCommit()) {
            event.application = application;
            event.work = work;
            event.bound = bound;
            event.commit();
        }
    }

    @Override
    public Consumer<CleanupOutcome> starting(CleanupAction action) {
        if (!Recordings.initialized()) {
            return outcome -> {
            };
        }
        CleanupEvent event = new CleanupEvent();
        event.begin();
        return outcome -> {
            event.end();
            commit(event, outcome);
        };
    }

    @Override
    public void notRun(CleanupOutcome outcome) {
        if (Recordings.initialized()) {
            commit(new CleanupEvent(), outcome);
        }
    }

    private void commit(CleanupEvent event, CleanupOutcome outcome) {
        if (event.shouldCommit()) {
            int hash = outcome.name().lastIndexOf('#');
            event.application = application;
            event.bean = hash < 0 ? outcome.name() : outcome.name().substring(0, hash);
            event.method = hash < 0 ? "" : outcome.name().substring(hash + 1);
            event.priority = outcome.rank().replace("priority ", "");
            event.outcome = outcome.status().name();
            event.failure = outcome.failure().map(Throwable::toString).orElse(null);
            event.commit();
        }
    }

    /** One event per live bean of the set: a checkpoint is one set over every bean, committed at once. */
    @Override
    public void checkpointed(CommitOutcome outcome, String store, boolean periodic) {
        if (!Recordings.initialized()) {
            return;
        }
        for (CheckpointOutcome bean : outcome.beans()) {
            CheckpointEvent event = new CheckpointEvent();
            if (event.shouldCommit()) {
                event.application = application;
                event.bean = bean.name();
                event.bytes = bean.bytes();
                event.store = store;
                event.kind = periodic ? "periodic" : "final";
                event.sequence = outcome.sequence().orElse(-1);
                event.result = bean.result().name();
                event.captureTime = bean.duration().toNanos();
                event.commitTime = outcome.duration().toNanos();
                event.problem = bean.problem().or(outcome::problem).orElse(null);
                event.commit();
            }
        }
    }
}
