package dev.flux.shutdown.runtime.state;

import java.util.ArrayList;
import java.util.List;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.runtime.PhaseResult;
import dev.flux.shutdown.runtime.PhaseStep;

/**
 * PERSISTING: stops periodic checkpoints and writes the final checkpoint of every existing {@code @Persistent}
 * instance. One bean's failure is reported and the others are still written.
 */
public final class PersistingStep implements PhaseStep {

    private final PersistentInstances instances;
    private final CheckpointWriter writer;
    private final PeriodicCheckpoints periodic;

    public PersistingStep(PersistentInstances instances, CheckpointWriter writer, PeriodicCheckpoints periodic) {
        this.instances = instances;
        this.writer = writer;
        this.periodic = periodic;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.PERSISTING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        writer.beginFinal();
        periodic.stop();
        List<String> details = new ArrayList<>();
        int written = 0;
        int failed = 0;
        for (PersistentInstance instance : instances.all()) {
            CheckpointOutcome outcome = writer.write(instance);
            details.add(outcome.describe());
            if (outcome.result() == CheckpointOutcome.Result.WRITTEN) {
                written++;
            } else {
                failed++;
            }
        }
        String summary = written + (written == 1 ? " checkpoint" : " checkpoints") + " written"
                + (failed == 0 ? "" : ", " + failed + " FAILED");
        return new PhaseResult(false, summary, details);
    }
}
