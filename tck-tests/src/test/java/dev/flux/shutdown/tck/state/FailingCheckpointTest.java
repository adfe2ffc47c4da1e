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
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.state.deployment.FirstTally;
import dev.flux.shutdown.tck.state.deployment.LastTally;
import dev.flux.shutdown.tck.state.deployment.SelfReferencing;
import dev.flux.shutdown.tck.state.deployment.Tally;

@ExtendWith(ArquillianExtension.class)
class FailingCheckpointTest {

    @TempDir
    static Path dir;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(StateFiles.stateDir(dir))
                .addClasses(Tally.class, Tally.Note.class, FirstTally.class, SelfReferencing.class,
                        LastTally.class, RecordingProcessExit.class);
    }

    @Inject
    FirstTally first;

    @Inject
    SelfReferencing unserializable;

    @Inject
    LastTally last;

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Test
    void beanThatCannotBeSerializedDoesNotStopTheOthers() throws Exception {
        first.increment();
        assertThat(unserializable.linked()).isTrue();
        last.increment();
        last.increment();

        shutdown.initiate("test");
        exit.awaitExit();

        assertThat(StateFiles.read(dir, FirstTally.class).state().get("count").asLong()).isEqualTo(1);
        assertThat(StateFiles.read(dir, LastTally.class).state().get("count").asLong()).isEqualTo(2);
        assertThat(StateFiles.file(dir, SelfReferencing.class)).doesNotExist();
        PhaseReport persisting = shutdown.report().orElseThrow().phases().stream()
                .filter(p -> p.phase() == ShutdownPhase.PERSISTING).findFirst().orElseThrow();
        assertThat(persisting.summary()).isEqualTo("2 checkpoints written, 1 FAILED");
        assertThat(persisting.details()).anySatisfy(
                line -> assertThat(line).startsWith("'self-referencing': FAILED after ").contains("cycle"));
    }
}
