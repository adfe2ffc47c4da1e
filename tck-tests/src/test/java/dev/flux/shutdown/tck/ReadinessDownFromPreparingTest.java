package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

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
 * Readiness reports DOWN from the first instant of PREPARING, when an application observing the phase event can
 * first look, and stays DOWN in every later phase, naming the phase.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessDownFromPreparingTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withHealth(Deployments.library(Map.of("flux.shutdown.readiness-delay", "0s")))
                .addClasses(ReadinessSampler.class, ReadinessSnapshot.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    ReadinessSampler sampler;

    @Inject
    RecordingProcessExit exit;

    /** Runs the deployment's one shutdown (the first test to call this starts it) and waits until it has ended. */
    private void shutdownOnce() throws Exception {
        shutdown.initiate("readiness test");
        exit.awaitExit();
    }

    @Test
    void readinessIsDownWhenThePreparingEventIsDelivered() throws Exception {
        shutdownOnce();

        assertThat(sampler.sampledAt(ShutdownPhase.PREPARING)).contains(ReadinessSnapshot.down("PREPARING"));
    }

    @Test
    void readinessStaysDownInEveryLaterPhaseNamingIt() throws Exception {
        shutdownOnce();

        for (ShutdownPhase phase : EnumSet.range(ShutdownPhase.DRAINING, ShutdownPhase.EXITING)) {
            assertThat(sampler.sampledAt(phase)).as("readiness when %s starts", phase)
                    .contains(ReadinessSnapshot.down(phase.name()));
        }
    }
}
