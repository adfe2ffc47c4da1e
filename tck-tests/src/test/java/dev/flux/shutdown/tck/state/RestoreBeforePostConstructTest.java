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

import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.Tally;
import dev.flux.shutdown.tck.state.deployment.WatchedTally;

@ExtendWith(ArquillianExtension.class)
class RestoreBeforePostConstructTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        StateFiles.write(dir, StateFiles.checkpointWithState(WatchedTally.class, "{\"count\":41}"));
        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Tally.class, Tally.Note.class, WatchedTally.class,
                        RecordingProcessExit.class);
    }

    @Inject
    WatchedTally watched;

    @Test
    void postConstructSeesTheRestoredState() {
        assertThat(watched.seenAtPostConstruct()).isEqualTo(41);
        assertThat(watched.count()).isEqualTo(41);
    }
}
