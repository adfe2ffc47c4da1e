package dev.flux.shutdown.internal.cleanup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome.Status;

/**
 * CLEANING: makes the plan of this shutdown and runs it (which beans exist, and in what order they were created, is
 * decided as each cleanup's turn comes). Any cleanup that timed out (or was interrupted) makes the phase timed out, hence the exit code
 * {@code forced-exit-code}; one that failed is reported but does not.
 */
public final class CleaningStep implements PhaseStep {

    private final Function<ShutdownCause, CleanupPlan> plans;
    private final CleanupRunner runner;

    /** @param plans makes the plan when the phase starts */
    public CleaningStep(Function<ShutdownCause, CleanupPlan> plans, CleanupRunner runner) {
        this.plans = plans;
        this.runner = runner;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.CLEANING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        List<CleanupOutcome> outcomes = runner.run(plans.apply(cause));
        Map<Status, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(CleanupOutcome::status, Collectors.counting()));
        boolean incomplete = counts.containsKey(Status.TIMED_OUT) || counts.containsKey(Status.INTERRUPTED);
        String summary = String.format(Locale.ROOT, "%d cleanups: %d ok, %d failed, %d timed out, %d skipped",
                outcomes.size(), counts.getOrDefault(Status.OK, 0L), counts.getOrDefault(Status.FAILED, 0L),
                counts.getOrDefault(Status.TIMED_OUT, 0L), counts.getOrDefault(Status.SKIPPED, 0L))
                + (counts.containsKey(Status.INTERRUPTED)
                        ? ", " + counts.get(Status.INTERRUPTED) + " interrupted" : "");
        return new PhaseResult(incomplete, summary,
                outcomes.stream().map(CleanupOutcome::reportLine).toList());
    }
}
