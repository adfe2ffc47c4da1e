package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.BlockingWork;
import dev.flux.shutdown.tck.inflight.deployment.Timeline;

/**
 * A call of an {@code @InFlight} method that is still running when the shutdown starts holds DRAINING until it
 * returns; DRAINING then ends by itself, well before {@code drain.timeout}.
 */
@ExtendWith(ArquillianExtension.class)
class InFlightCallHoldsDrainingTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.readiness-delay", "0s"))
                .addClasses(RecordingProcessExit.class, Timeline.class, BlockingWork.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    InFlightTracker tracker;

    @Inject
    RecordingProcessExit exit;

    @Inject
    Timeline timeline;

    @Inject
    BlockingWork work;

    @Test
    void drainingWaitsForTheRunningCallAndEndsOnceItReturns() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundCall call = BackgroundCall.start("in-flight-call",
                () -> work.runUntilReleased(entered, release));
        try {
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("call started").isTrue();
            assertThat(shutdown.initiate("in-flight call test")).isTrue();
            assertThat(timeline.awaitPhase(ShutdownPhase.DRAINING)).as("DRAINING started").isTrue();
            int inFlightWhileDraining = tracker.inFlight();
            awaitDrainingWaiting();

            release.countDown();
            call.await();

            assertThat(exit.awaitExit()).isZero();
            assertThat(inFlightWhileDraining).as("in flight once DRAINING started").isEqualTo(1);
            assertThat(timeline.entries()).containsExactly("PREPARING", "DRAINING", BlockingWork.RETURNS,
                    "CLEANING", "PERSISTING", "EXITING");
            assertThat(InFlightReports.draining(shutdown).complete()).as("DRAINING within its bound").isTrue();
            assertThat(tracker.inFlight()).isZero();
        } finally {
            release.countDown();
            exit.awaitExit();
        }
    }

    /**
     * Waits until DRAINING waits: its thread is parked in a bounded wait. Releasing the call only then is what makes
     * a DRAINING that does not wait fail this test every time; it fails fast if DRAINING ends while the call runs.
     */
    private void awaitDrainingWaiting() {
        Thread shutdownThread = timeline.threadOf(ShutdownPhase.DRAINING);
        await("DRAINING waiting for the call").atMost(Duration.ofSeconds(30))
                .failFast("DRAINING ended while the call was still running",
                        () -> shutdown.phase().orElseThrow() != ShutdownPhase.DRAINING)
                .until(() -> shutdownThread.getState() == Thread.State.TIMED_WAITING);
    }
}
