package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.tck.deployment.ReadinessSampler;
import dev.flux.shutdown.tck.deployment.ReadinessSnapshot;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/**
 * During {@code readiness-delay} the application still serves, but readiness is already DOWN: that is the window in
 * which the load balancer stops routing here.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessDownDuringDelayTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withHealth(Deployments.library(Map.of("flux.shutdown.readiness-delay", "2s")))
                .addClasses(ReadinessSampler.class, ReadinessSnapshot.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    ReadinessSampler sampler;

    @Inject
    RecordingProcessExit exit;

    @Test
    void readinessIsDownWhileTheReadinessDelayRuns() throws Exception {
        assertThat(sampler.readiness()).isEqualTo(ReadinessSnapshot.up("RUNNING"));
        try {
            assertThat(shutdown.initiate("readiness delay test")).isTrue();
            assertThat(sampler.awaitPreparing()).isTrue();
            Optional<ShutdownPhase> before = shutdown.phase();
            ReadinessSnapshot duringDelay = sampler.readiness();
            Optional<ShutdownPhase> after = shutdown.phase();

            assertThat(before).as("phase before the sample").contains(ShutdownPhase.PREPARING);
            assertThat(after).as("phase after the sample (the 2 s delay was over: machine too slow?)")
                    .contains(ShutdownPhase.PREPARING);
            assertThat(duringDelay).isEqualTo(ReadinessSnapshot.down("PREPARING"));
        } finally {
            // in finally, not @AfterEach, which Arquillian's JUnit 5 integration does not run in an embedded container
            exit.awaitExit();
        }
    }
}
