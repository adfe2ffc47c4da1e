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
 * A checkpoint holds every bean, not only the ones this run created: a {@code @Persistent} bean that is never used
 * (an {@code @ApplicationScoped} bean is created on first use) keeps its last state in the new checkpoint.
 */
@ExtendWith(ArquillianExtension.class)
class BeanNotCreatedKeepsItsCheckpointTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        StateFiles.writeSet(dir, TwoTallies.firstAt5(),
                TwoTallies.lastAt7());
        return TwoTallies.deployment(dir);
    }

    @Inject
    FirstTally first;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void beanNeverCreatedInThisRunIsCarriedIntoTheFinalCheckpoint() throws Exception {
        assertThat(first.increment()).isEqualTo(6);

        shutdown.initiate("test");
        exit.awaitExit();

        assertThat(StateFiles.newestSequence(dir)).isEqualTo(2);
        assertThat(TwoTallies.storedCount(dir, FirstTally.class)).isEqualTo(6);
        assertThat(TwoTallies.storedCount(dir, LastTally.class)).isEqualTo(7);
    }
}
