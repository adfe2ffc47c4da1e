package dev.flux.shutdown.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;

/**
 * The five phases in their order: each is entered on the timeline, announced (as an event, to the monitors), run and
 * ended with its report. A step or an event observer that throws is logged and the next phase runs, so one failure
 * never stops the shutdown.
 */
final class PhaseSequence {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");
    private static final List<ShutdownPhase> STEPS = List.of(ShutdownPhase.PREPARING, ShutdownPhase.DRAINING,
            ShutdownPhase.CLEANING, ShutdownPhase.PERSISTING);

    private final List<PhaseStep> steps;
    private final Consumer<ShutdownPhaseEvent> events;
    private final PhaseTimeline timeline;
    private final ShutdownRecord record;

    /** @param steps the work of PREPARING, DRAINING, CLEANING and PERSISTING, in that order */
    PhaseSequence(List<PhaseStep> steps, Consumer<ShutdownPhaseEvent> events, PhaseTimeline timeline,
            ShutdownRecord record) {
        this.steps = List.copyOf(steps);
        this.events = events;
        this.timeline = timeline;
        this.record = record;
        if (!this.steps.stream().map(PhaseStep::phase).toList().equals(STEPS)) {
            throw new IllegalArgumentException("steps must be, in order, " + STEPS);
        }
    }

    /** Runs every phase on the calling thread; EXITING, the last, only reports. */
    void run(ShutdownCause started) {
        for (PhaseStep step : steps) {
            long phaseStart = enter(step.phase(), started);
            PhaseResult result = runStep(step, started);
            finish(started, new PhaseReport(step.phase(), PhaseTimeline.since(phaseStart), !result.timedOut(),
                    result.summary(), result.details()));
        }
        long exitingStart = enter(ShutdownPhase.EXITING, started);
        finish(started, new PhaseReport(ShutdownPhase.EXITING, PhaseTimeline.since(exitingStart), true,
                "report logged", List.of()));
    }

    private long enter(ShutdownPhase next, ShutdownCause started) {
        long now = timeline.enter(next);
        record.observe(m -> m.phaseStarted(next, started));
        try {
            events.accept(new ShutdownPhaseEvent(next, started, timeline.elapsedAt(now)));
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

    private void finish(ShutdownCause started, PhaseReport phaseReport) {
        timeline.finish(phaseReport);
        record.observe(m -> m.phaseEnded(started, phaseReport));
    }
}
