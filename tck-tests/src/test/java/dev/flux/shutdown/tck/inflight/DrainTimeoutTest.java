package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.CapturedLog;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.BlockingWork;
import dev.flux.shutdown.tck.inflight.deployment.Timeline;

/**
 * Work still in flight when {@code drain.timeout} passes (a ticket never closed, an {@code @InFlight} call still
 * running) does not hold the shutdown: DRAINING is reported timed out and names that work, the shutdown goes on,
 * and the process exits with {@code forced-exit-code}.
 */
@ExtendWith(ArquillianExtension.class)
class DrainTimeoutTest {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(1);
    private static final int FORCED_EXIT_CODE = 3;
    private static final String TICKET = "nightly import, batch 42";

    /** The FLUX-0202 lines logged by the deployment's one shutdown, once it has run. */
    private static List<String> stillInFlightLog;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of(
                "flux.shutdown.readiness-delay", "0s",
                "flux.shutdown.drain.timeout", DRAIN_TIMEOUT.toSeconds() + "s",
                "flux.shutdown.timeout", "30s",
                "flux.shutdown.forced-exit-code", String.valueOf(FORCED_EXIT_CODE)))
                .addClasses(RecordingProcessExit.class, Timeline.class, BlockingWork.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    InFlightTracker tracker;

    @Inject
    RecordingProcessExit exit;

    @Inject
    BlockingWork work;

    /** Runs the deployment's one shutdown (the first test to call this starts it) and waits until it has ended. */
    private static synchronized List<String> shutdownOnce(DrainTimeoutTest test) throws Exception {
        if (stillInFlightLog == null) {
            stillInFlightLog = test.shutdownWithWorkStillInFlight();
        }
        return stillInFlightLog;
    }

    private List<String> shutdownWithWorkStillInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Ticket ticket = tracker.tryAcquire(TICKET).orElseThrow();
        BackgroundCall call = BackgroundCall.start("long-in-flight-call",
                () -> work.runUntilReleased(entered, release));
        try (CapturedLog log = CapturedLog.of("dev.flux.shutdown")) {
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("call started").isTrue();
            assertThat(shutdown.initiate("drain timeout test")).isTrue();
            exit.awaitExit();
            return log.withCode("FLUX-0202");
        } finally {
            ticket.close();
            release.countDown();
            call.await();
        }
    }

    @Test
    void drainingIsReportedTimedOut() throws Exception {
        shutdownOnce(this);

        assertThat(InFlightReports.draining(shutdown).complete()).isFalse();
    }

    @Test
    void drainingEndsOnceDrainTimeoutHasPassed() throws Exception {
        shutdownOnce(this);

        assertThat(InFlightReports.draining(shutdown).duration())
                .isBetween(DRAIN_TIMEOUT, DRAIN_TIMEOUT.plusSeconds(20));
    }

    @Test
    void reportNamesTheTicketStillOpenByItsDescription() throws Exception {
        shutdownOnce(this);

        assertThat(InFlightReports.draining(shutdown).details()).anySatisfy(line -> assertThat(line)
                .contains(TICKET));
    }

    @Test
    void reportNamesTheInFlightCallStillRunningByClassAndMethod() throws Exception {
        shutdownOnce(this);

        assertThat(InFlightReports.draining(shutdown).details()).anySatisfy(line -> assertThat(line)
                .contains(BlockingWork.class.getSimpleName(), "runUntilReleased"));
    }

    @Test
    void logNamesEachPieceOfWorkStillInFlight() throws Exception {
        List<String> logged = shutdownOnce(this);

        assertThat(logged).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(TICKET))
                .anySatisfy(line -> assertThat(line).contains(BlockingWork.class.getSimpleName(), "runUntilReleased"));
    }

    @Test
    void processExitsWithForcedExitCode() throws Exception {
        shutdownOnce(this);

        assertThat(exit.exitCodes()).containsExactly(FORCED_EXIT_CODE);
        assertThat(exit.haltCodes()).as("no halt: the shutdown stayed within flux.shutdown.timeout").isEmpty();
    }

    @Test
    void workFinishingAfterTheTimeoutLeavesNothingInFlight() throws Exception {
        shutdownOnce(this);

        assertThat(tracker.inFlight()).isZero();
    }
}
