package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.smallrye.health.SmallRyeHealthReporter;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.deployment.PhaseRecorder;
import dev.flux.shutdown.tck.deployment.ReadinessSnapshot;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/**
 * {@code flux.shutdown.enabled=false} turns every behaviour off: a programmatic shutdown is refused, no phase runs,
 * readiness stays UP. (That closing the container runs no phase either is shown by {@link ContainerCloseTest}.)
 */
@ExtendWith(ArquillianExtension.class)
class DisabledTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withHealth(Deployments.library(Map.of("flux.shutdown.enabled", "false")))
                .addClasses(PhaseRecorder.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    PhaseRecorder recorder;

    @Inject
    RecordingProcessExit exit;

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void initiateReturnsFalse() {
        assertThat(shutdown.initiate("disabled test")).isFalse();
    }

    @Test
    void initiateStartsNoPhase() {
        shutdown.initiate("disabled test");

        assertThat(shutdown.isShuttingDown()).isFalse();
        assertThat(shutdown.phase()).isEmpty();
        assertThat(recorder.events()).isEmpty();
        assertThat(exit.exitCodes()).isEmpty();
    }

    @Test
    void readinessStaysUpAfterInitiate() {
        shutdown.initiate("disabled test");

        assertThat(ReadinessSnapshot.of(health.getReadiness())).isEqualTo(ReadinessSnapshot.up("RUNNING"));
    }
}
