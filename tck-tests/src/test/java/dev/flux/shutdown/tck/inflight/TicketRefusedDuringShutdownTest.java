package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.LateTicketTaker;

/**
 * Once a shutdown has started, {@code tryAcquire} returns no ticket, from the first instant of PREPARING (when an
 * observer can first ask) to the end: work that has not started yet must not start.
 */
@ExtendWith(ArquillianExtension.class)
class TicketRefusedDuringShutdownTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.readiness-delay", "0s"))
                .addClasses(RecordingProcessExit.class, LateTicketTaker.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    LateTicketTaker taker;

    /** Runs the deployment's one shutdown (the first test to call this starts it) and waits until it has ended. */
    private void shutdownOnce() throws Exception {
        shutdown.initiate("ticket refused test");
        assertThat(exit.awaitExit()).isZero();
    }

    @Test
    void tryAcquireReturnsEmptyWhenPreparingStarts() throws Exception {
        shutdownOnce();

        assertThat(taker.granted()).containsEntry(ShutdownPhase.PREPARING, false);
    }

    @Test
    void tryAcquireReturnsEmptyInEveryLaterPhase() throws Exception {
        shutdownOnce();

        assertThat(taker.granted()).containsOnlyKeys(ShutdownPhase.values()).containsValue(false)
                .doesNotContainValue(true);
    }
}
