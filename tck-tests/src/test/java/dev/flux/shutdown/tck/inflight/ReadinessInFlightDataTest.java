package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.smallrye.health.SmallRyeHealthReporter;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.internal.health.ShutdownReadinessCheck;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.inflight.deployment.BlockingWork;
import dev.flux.shutdown.tck.inflight.deployment.Timeline;

/** The readiness check's data says how much work is in flight now ({@code in-flight}), tickets and calls alike. */
@ExtendWith(ArquillianExtension.class)
class ReadinessInFlightDataTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withHealth(Deployments.library()).addClasses(Timeline.class, BlockingWork.class);
    }

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    InFlightTracker tracker;

    @Inject
    BlockingWork work;

    @Test
    void inFlightDataCountsOpenTickets() {
        assertThat(inFlightInReadiness()).isZero();

        try (Ticket first = tracker.tryAcquire("message 1").orElseThrow()) {
            assertThat(inFlightInReadiness()).isEqualTo(1);
            try (Ticket second = tracker.tryAcquire("message 2").orElseThrow()) {
                assertThat(inFlightInReadiness()).isEqualTo(2);
            }
            assertThat(inFlightInReadiness()).isEqualTo(1);
        }
        assertThat(inFlightInReadiness()).isZero();
    }

    @Test
    void inFlightDataCountsRunningInFlightCalls() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundCall call = BackgroundCall.start("in-flight-call",
                () -> work.runUntilReleased(entered, release));
        try {
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("call started").isTrue();

            assertThat(inFlightInReadiness()).isEqualTo(1);
        } finally {
            release.countDown();
            call.await();
        }
        assertThat(inFlightInReadiness()).isZero();
    }

    /** The {@code in-flight} data of the flux-shutdown check, as the readiness endpoint reports it now. */
    private long inFlightInReadiness() {
        JsonObject check = health.getReadiness().getPayload().getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(c -> ShutdownReadinessCheck.NAME.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no flux-shutdown readiness check"));
        return check.getJsonObject("data").getJsonNumber("in-flight").longValueExact();
    }
}
