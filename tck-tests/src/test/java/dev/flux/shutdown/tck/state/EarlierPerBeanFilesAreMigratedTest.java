package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.LastTally;
import dev.flux.shutdown.tck.state.deployment.Tally;

/**
 * Upgrading keeps the state: the per-bean checkpoint files of versions before checkpoint sets are restored, and the
 * first checkpoint carries all of them (a bean not created in this run too) into a generation and removes them.
 */
@ExtendWith(ArquillianExtension.class)
class EarlierPerBeanFilesAreMigratedTest {

    @TempDir
    static Path dir;

    private static Path firstFile;
    private static Path lastFile;

    @Deployment
    static JavaArchive deployment() {
        firstFile = StateFiles.writeRaw(dir, FirstTally.class, StateFiles.encode(TwoTallies.firstAt5()));
        lastFile = StateFiles.writeRaw(dir, LastTally.class, StateFiles.encode(TwoTallies.lastAt7()));
        return TwoTallies.deployment(dir);
    }

    @Inject
    FirstTally first;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void perBeanFilesAreRestoredThenCarriedIntoTheFirstGenerationAndRemoved() throws Exception {
        assertThat(first.count()).as("restored from the file of an earlier version").isEqualTo(5);
        first.increment();

        shutdown.initiate("test");
        exit.awaitExit();

        assertThat(StateFiles.newestSequence(dir)).isEqualTo(1);
        assertThat(TwoTallies.storedCount(dir, FirstTally.class)).isEqualTo(6);
        assertThat(TwoTallies.storedCount(dir, LastTally.class)).isEqualTo(7);
        assertThat(firstFile).doesNotExist();
        assertThat(lastFile).doesNotExist();
    }
}
