package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.tck.deployment.PhaseRecorder;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

@ExtendWith(ArquillianExtension.class)
class PhaseOrderTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.exit-code", "7"))
                .addClasses(PhaseRecorder.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    PhaseRecorder recorder;

    @Inject
    RecordingProcessExit exit;

    @Test
    void programmaticShutdownFiresFivePhasesInOrderThenExitsWithExitCode() throws Exception {
        assertThat(shutdown.initiate("test")).isTrue();

        assertThat(exit.awaitExit()).isEqualTo(7);
        assertThat(recorder.events()).extracting(ShutdownPhaseEvent::phase).containsExactly(ShutdownPhase.values());
        assertThat(recorder.events()).extracting(ShutdownPhaseEvent::cause)
                .containsOnly(ShutdownCause.programmatic("test"));
    }
}
