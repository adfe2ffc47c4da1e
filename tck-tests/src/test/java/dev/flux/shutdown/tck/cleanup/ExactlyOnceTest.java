package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.once.CountedResource;
import dev.flux.shutdown.tck.cleanup.once.GatedResource;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A shutdown triggered again while it cleans up, and after it finished, runs no cleanup twice. */
@ExtendWith(ArquillianExtension.class)
class ExactlyOnceTest {

    @Deployment
    static JavaArchive deployment() {
        return AllDiscovery.of(Deployments.library().addClasses(RecordingProcessExit.class, GatedResource.class,
                CountedResource.class));
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    GatedResource gated;

    @Inject
    CountedResource counted;

    @Test
    void everyCleanupRunsExactlyOnceWhenShutdownIsTriggeredTwice() throws Exception {
        gated.touch();
        assertThat(shutdown.initiate("first")).isTrue();
        assertThat(gated.awaitCleanupStarted()).as("cleanup started").isTrue();

        boolean secondStarted = shutdown.initiate("second, while cleaning");
        gated.openGate();
        assertThat(exit.awaitExit()).isZero();
        boolean thirdStarted = shutdown.initiate("third, after the shutdown");

        assertThat(secondStarted).isFalse();
        assertThat(thirdStarted).isFalse();
        assertThat(gated.cleanups()).isEqualTo(1);
        assertThat(counted.cleanups()).isEqualTo(1);
    }
}
