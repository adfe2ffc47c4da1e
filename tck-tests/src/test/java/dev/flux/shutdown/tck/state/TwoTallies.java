package dev.flux.shutdown.tck.state;

import java.nio.file.Path;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import dev.flux.shutdown.internal.state.Checkpoint;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.LastTally;
import dev.flux.shutdown.tck.state.deployment.Tally;

/**
 * The two tallies that the tests of checkpoints holding several beans start from: their earlier checkpoints
 * ({@link FirstTally} at 5, {@link LastTally} at 7), their deployment with a file store in a directory, and their
 * counts as stored there.
 */
final class TwoTallies {

    private TwoTallies() {
    }

    /** The earlier checkpoint of {@link FirstTally}: a count of 5. */
    static Checkpoint firstAt5() {
        return StateFiles.checkpointWithState(FirstTally.class, "{\"count\":5}");
    }

    /** The earlier checkpoint of {@link LastTally}: a count of 7. */
    static Checkpoint lastAt7() {
        return StateFiles.checkpointWithState(LastTally.class, "{\"count\":7}");
    }

    /** The library with its file store in {@code dir}, both tallies, and a process exit that records. */
    static JavaArchive deployment(Path dir) {
        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Tally.class, Tally.Note.class, FirstTally.class, LastTally.class,
                        RecordingProcessExit.class);
    }

    /** The count of a tally in the newest checkpoint in {@code dir}. */
    static long storedCount(Path dir, Class<? extends Tally> tally) throws Exception {
        return StateFiles.read(dir, tally).state().get("count").asLong();
    }
}
