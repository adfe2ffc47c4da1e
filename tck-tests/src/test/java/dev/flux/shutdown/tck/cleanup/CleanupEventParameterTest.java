package dev.flux.shutdown.tck.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

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
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.cleanup.event.CauseAwareResource;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** A cleanup may take the CLEANING phase event as its one parameter. */
@ExtendWith(ArquillianExtension.class)
class CleanupEventParameterTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(RecordingProcessExit.class, CauseAwareResource.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CauseAwareResource resource;

    @Test
    void cleanupReceivesTheCleaningPhaseEventWithTheCause() throws Exception {
        resource.touch();
        shutdown.initiate("maintenance");
        assertThat(exit.awaitExit()).isZero();

        ShutdownPhaseEvent event = resource.received().get(30, TimeUnit.SECONDS);
        assertThat(event.phase()).isEqualTo(ShutdownPhase.CLEANING);
        assertThat(event.cause()).isEqualTo(ShutdownCause.programmatic("maintenance"));
    }
}
