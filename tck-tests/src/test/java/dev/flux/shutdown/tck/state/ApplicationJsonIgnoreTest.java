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
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.SessionTally;

/**
 * The library's jar carries its own, relocated Jackson; a field that the application marks with its own Jackson's
 * {@code @JsonIgnore} is still not state.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationJsonIgnoreTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(StateFiles.stateDir(dir)).addClasses(SessionTally.class,
                RecordingProcessExit.class);
    }

    @Inject
    SessionTally tally;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void fieldMarkedWithTheApplicationsJsonIgnoreIsNotWritten() throws Exception {
        tally.increment();

        shutdown.initiate("test");
        exit.awaitExit();

        var state = StateFiles.read(dir, SessionTally.class).state();
        assertThat(state.get("count").asLong()).isEqualTo(1);
        assertThat(state.has("sessionToken")).as("@JsonIgnore field written").isFalse();
        assertThat(state.has("label")).as("@JsonIgnore(false) field written").isTrue();
    }
}
