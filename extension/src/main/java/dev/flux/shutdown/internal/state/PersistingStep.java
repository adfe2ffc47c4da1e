package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;

/**
 * PERSISTING: stops periodic checkpoints and commits the final checkpoint of every existing {@code @Persistent}
 * instance as one set; when every bean is in it, releases the set (a store that hands checkpoints over may give it
 * to a successor). One bean's failure is reported and the others are still committed.
 */
public final class PersistingStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final PersistentInstances instances;
    private final CheckpointWriter writer;
    private final PeriodicCheckpoints periodic;
    private final CheckpointStore store;

    public PersistingStep(PersistentInstances instances, CheckpointWriter writer, PeriodicCheckpoints periodic,
            CheckpointStore store) {
        this.instances = instances;
        this.writer = writer;
        this.periodic = periodic;
        this.store = store;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.PERSISTING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        writer.beginFinal();
        periodic.stop();
        CommitOutcome outcome = writer.commitFinal(instances::all);
        List<String> details = new ArrayList<>();
        int written = 0;
        int failed = 0;
        for (CheckpointOutcome bean : outcome.beans()) {
            details.add(bean.describe());
            if (bean.result() == CheckpointOutcome.Result.WRITTEN) {
                written++;
            } else {
                failed++;
            }
        }
        if (outcome.sequence().isPresent() || outcome.problem().isPresent()) {
            details.add(outcome.describe(store));
        }
        if (outcome.complete()) {
            try {
                store.release();
                if (store instanceof ReleasedCheckpoints handover) {
                    details.add("released for the next instance without a checkpoint of its own"
                            + handover.unclaimed().stream().mapToObj(n -> "; " + n + " released by other instances"
                                    + " still unclaimed").findFirst().orElse(""));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "FLUX-0710 The final checkpoint could not be released in " + store
                        + ": " + Problems.describe(e));
                details.add("release FAILED: " + Problems.describe(e));
            }
        }
        String summary = written + (written == 1 ? " checkpoint" : " checkpoints") + " written"
                + (failed == 0 ? "" : ", " + failed + " FAILED");
        return new PhaseResult(false, summary, details);
    }
}
