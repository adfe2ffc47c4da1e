package dev.flux.shutdown.internal.observe.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome;
import dev.flux.shutdown.internal.drain.DescribedWork;
import dev.flux.shutdown.internal.drain.DrainOutcome;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.observe.MetricsObserver;

/** The shutdown's meters in a real Micrometer registry: read live, tagged with the application, gone at close. */
class MicrometerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InFlightRegistry work = new InFlightRegistry();
    private final MetricsObserver observer = new MetricsObserver(new MicrometerMeters(registry, "test"), "orders");

    @Test
    void gaugesReadTheWorkInFlightAndThePhaseWhenCollected() {
        observer.watch(work);
        DescribedWork first = new DescribedWork("first");
        DescribedWork second = new DescribedWork("second");
        work.enter(first);
        work.enter(second);

        assertThat(gauge("flux.shutdown.in.flight")).isEqualTo(2);
        assertThat(gauge("flux.shutdown.phase")).isZero();

        observer.phaseStarted(ShutdownPhase.DRAINING, ShutdownCause.programmatic("test"));
        first.release();

        assertThat(gauge("flux.shutdown.in.flight")).isEqualTo(1);
        assertThat(gauge("flux.shutdown.phase")).isEqualTo(2);
    }

    @Test
    void phaseDurationsAndDrainOutcomeAreRecordedWithTheirTags() {
        observer.phaseEnded(ShutdownCause.programmatic("test"),
                new PhaseReport(ShutdownPhase.DRAINING, Duration.ofMillis(1500), true, "", List.of()));
        observer.drained(3, new DrainOutcome(true, Duration.ofSeconds(2), Duration.ZERO, 2, List.of("a", "b"),
                false), null);

        assertThat(registry.get("flux.shutdown.phase.duration").tags("app", "orders", "phase", "DRAINING",
                "outcome", "ok").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(registry.get("flux.shutdown.drain.still.running").tag("app", "orders").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("flux.shutdown.drain.latency").tag("outcome", "timed-out").timer().count())
                .isEqualTo(1);
    }

    @Test
    void theTimersOfEveryShutdownAreThereAtZeroOnceTheApplicationHasStarted() {
        observer.applicationStarted();

        for (ShutdownPhase phase : ShutdownPhase.values()) {
            assertThat(registry.get("flux.shutdown.phase.duration").tags("app", "orders", "phase", phase.name(),
                    "outcome", "ok").timer().count()).isZero();
        }
        assertThat(registry.get("flux.shutdown.drain.latency").tag("outcome", "ok").timer().count()).isZero();
        assertThat(registry.get("flux.shutdown.drain.still.running").counter().count()).isZero();

        observer.phaseEnded(ShutdownCause.programmatic("test"),
                new PhaseReport(ShutdownPhase.DRAINING, Duration.ofMillis(20), true, "", List.of()));
        assertThat(registry.get("flux.shutdown.phase.duration").tags("phase", "DRAINING").timer().count()).isOne();
    }

    @Test
    void cleanupOutcomesAreTaggedLikeTheOthers() {
        observer.notRun(new CleanupOutcome("Pool#close", "[priority 10]", CleanupOutcome.Status.TIMED_OUT,
                Duration.ofSeconds(1), Optional.empty(), Optional.empty()));

        assertThat(registry.get("flux.shutdown.cleanup.duration").tags("app", "orders", "outcome", "timed-out")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void aCleanupThatDidNotRunIsNotTimed() {
        observer.notRun(new CleanupOutcome("Pool#close", "[priority 10]", CleanupOutcome.Status.SKIPPED,
                Duration.ZERO, Optional.empty(), Optional.of("never created")));

        assertThat(registry.find("flux.shutdown.cleanup.duration").timers()).isEmpty();
    }

    @Test
    void everyMeterLeavesTheRegistryAtClose() {
        observer.watch(work);
        observer.phaseEnded(ShutdownCause.programmatic("test"),
                new PhaseReport(ShutdownPhase.PREPARING, Duration.ofMillis(5), true, "", List.of()));
        assertThat(registry.getMeters()).hasSizeGreaterThanOrEqualTo(5);

        observer.close();

        assertThat(registry.getMeters()).isEmpty();
    }

    private double gauge(String name) {
        return registry.get(name).tag("app", "orders").gauge().value();
    }
}
