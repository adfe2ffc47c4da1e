package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.tck.deployment.RecordingExtension;

/**
 * The CDI container beginning to shut down (here {@code SeContainer.close()}) runs the five phases, once, and leaves
 * ending the process to whoever closed the container.
 */
class ContainerCloseTest {

    @Test
    void closingTheContainerRunsTheFivePhasesOnceWithoutEndingTheProcess() {
        RecordingExtension recording = new RecordingExtension();
        OwnContainer app = OwnContainer.boot(Map.of("flux.shutdown.readiness-delay", "0s"), recording);

        app.close();

        assertThat(recording.events()).extracting(ShutdownPhaseEvent::phase).containsExactly(ShutdownPhase.values());
        assertThat(recording.events()).extracting(ShutdownPhaseEvent::cause).containsOnly(ShutdownCause.container());
        assertThat(recording.exit().exitCodes()).isEmpty();
        assertThat(recording.exit().haltCodes()).isEmpty();
    }

    @Test
    void closingTheContainerRunsNoPhaseWhenDisabled() {
        RecordingExtension recording = new RecordingExtension();
        OwnContainer app = OwnContainer.boot(Map.of("flux.shutdown.enabled", "false"), recording);

        app.close();

        assertThat(recording.events()).isEmpty();
        assertThat(recording.exit().exitCodes()).isEmpty();
        assertThat(recording.exit().haltCodes()).isEmpty();
    }
}
