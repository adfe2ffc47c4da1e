package dev.flux.shutdown.tck.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.PeriodicCheckpoints;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.Tally;
import dev.flux.shutdown.tck.state.deployment.TicksTally;

@ExtendWith(ArquillianExtension.class)
class PeriodicCheckpointTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of(StateConfig.DIR, dir.toString(), StateConfig.CHECKPOINT_INTERVAL, "100ms"))
                .addClasses(Tally.class, Tally.Note.class, TicksTally.class, RecordingProcessExit.class);
    }

    @Inject
    TicksTally ticks;

    private static long checkpointed() throws Exception {
        return StateFiles.find(dir, "ticks").map(c -> c.state().get("count").asLong()).orElse(-1L);
    }

    @Test
    void periodicCheckpointsFollowTheBeanWhileTheApplicationRuns() throws Exception {
        ticks.increment();
        await().atMost(Duration.ofSeconds(30)).until(PeriodicCheckpointTest::checkpointed, c -> c == 1);

        ticks.increment();
        ticks.increment();
        await().atMost(Duration.ofSeconds(30)).until(PeriodicCheckpointTest::checkpointed, c -> c == 3);

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains(PeriodicCheckpoints.THREAD_NAME);
    }
}
