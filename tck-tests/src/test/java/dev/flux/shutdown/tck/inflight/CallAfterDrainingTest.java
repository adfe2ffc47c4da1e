package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.CountedWork;
import dev.flux.shutdown.tck.inflight.deployment.LateCaller;

/**
 * An {@code @InFlight} call made once DRAINING has ended (here by an observer of CLEANING, as a cleanup might)
 * still runs, but is not counted: nothing waits for it any more.
 */
@ExtendWith(ArquillianExtension.class)
class CallAfterDrainingTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.readiness-delay", "0s"))
                .addClasses(RecordingProcessExit.class, CountedWork.class, LateCaller.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    LateCaller lateCaller;

    /** Runs the deployment's one shutdown (the first test to call this starts it) and waits until it has ended. */
    private void shutdownOnce() throws Exception {
        shutdown.initiate("call after draining test");
        assertThat(exit.awaitExit()).isZero();
    }

    @Test
    void callAfterDrainingEndedStillRuns() throws Exception {
        shutdownOnce();

        assertThat(lateCaller.inFlightDuringLateCall()).as("the late call returned").isPresent();
    }

    @Test
    void callAfterDrainingEndedIsNotCounted() throws Exception {
        shutdownOnce();

        assertThat(lateCaller.inFlightDuringLateCall()).as("in flight during the late call").hasValue(0);
    }
}
