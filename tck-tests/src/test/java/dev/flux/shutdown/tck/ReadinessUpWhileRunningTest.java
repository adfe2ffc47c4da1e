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

import dev.flux.shutdown.tck.deployment.ReadinessSnapshot;

/** While no shutdown runs, the flux-shutdown readiness check is UP and says so with {@code phase=RUNNING}. */
@ExtendWith(ArquillianExtension.class)
class ReadinessUpWhileRunningTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withHealth(Deployments.library(Map.of()));
    }

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void readinessIsUpWithPhaseRunningBeforeShutdown() {
        assertThat(ReadinessSnapshot.of(health.getReadiness())).isEqualTo(ReadinessSnapshot.up("RUNNING"));
    }
}
