package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.tck.CapturedLog;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.CountedWork;

/**
 * The quiet period is about requests a proxy still routes here: a scheduler that calls an {@code @InFlight} method
 * more often than the quiet period has each call awaited, but does not keep DRAINING open until
 * {@code drain.timeout}, nor make the report blame a proxy (FLUX-0203).
 */
@ExtendWith(ArquillianExtension.class)
class InFlightCallsDoNotHoldTheQuietPeriodTest {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_INTERVAL = Duration.ofMillis(200);

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of(
                "flux.shutdown.readiness-delay", "0s",
                "flux.shutdown.drain.quiet-period", QUIET_PERIOD.toSeconds() + "s",
                "flux.shutdown.drain.timeout", DRAIN_TIMEOUT.toSeconds() + "s",
                "flux.shutdown.timeout", "40s"))
                .addClasses(RecordingProcessExit.class, CountedWork.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CountedWork work;

    @Test
    void drainingEndsAQuietPeriodAfterItsStartWhileAnInFlightMethodIsCalledEvery200ms() throws Exception {
        AtomicInteger callsDuringDraining = new AtomicInteger();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, "in-flight-scheduler"));
        try (CapturedLog log = CapturedLog.of("dev.flux.shutdown")) {
            scheduler.scheduleAtFixedRate(() -> {
                if (shutdown.phase().orElse(null) == ShutdownPhase.DRAINING) {
                    callsDuringDraining.incrementAndGet();
                }
                work.inFlightDuringCall();
            }, 0, CALL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(shutdown.initiate("scheduler calling an @InFlight method")).isTrue();
            assertThat(exit.awaitExit()).isZero();

            PhaseReport draining = InFlightReports.draining(shutdown);
            assertThat(draining.complete()).isTrue();
            assertThat(callsDuringDraining.get()).as("calls made while DRAINING ran").isGreaterThanOrEqualTo(3);
            // no request arrived: DRAINING lasts the quiet period counted from its start; the bound leaves room for
            // a loaded machine and is still far from drain.timeout, where the calls would have kept it
            assertThat(draining.duration()).isBetween(QUIET_PERIOD, DRAIN_TIMEOUT.dividedBy(2));
            assertThat(draining.summary()).contains("then quiet for 2.0s").contains("0 served late, 0 refused");
            List<String> blamingAProxy = log.withCode("FLUX-0203");
            assertThat(blamingAProxy).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
