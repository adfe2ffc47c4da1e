package dev.flux.shutdown.tck.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.smallrye.health.SmallRyeHealthReporter;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/**
 * Asks the readiness endpoint for its answer at the start of every phase, on the shutdown thread, while the phase
 * event is being delivered: the earliest instant an application can observe.
 */
@ApplicationScoped
public class ReadinessSampler {

    @Inject
    SmallRyeHealthReporter health;

    private final Map<ShutdownPhase, ReadinessSnapshot> samples = new ConcurrentHashMap<>();
    private final CountDownLatch preparing = new CountDownLatch(1);

    void sample(@Observes ShutdownPhaseEvent event) {
        samples.put(event.phase(), readiness());
        if (event.phase() == ShutdownPhase.PREPARING) {
            preparing.countDown();
        }
    }

    /** The readiness endpoint's answer now. */
    public ReadinessSnapshot readiness() {
        return ReadinessSnapshot.of(health.getReadiness());
    }

    /** The answer sampled when {@code phase} started, or empty if it has not started. */
    public Optional<ReadinessSnapshot> sampledAt(ShutdownPhase phase) {
        return Optional.ofNullable(samples.get(phase));
    }

    /** Whether PREPARING has started (and been sampled), waiting up to 30 s for it. */
    public boolean awaitPreparing() throws InterruptedException {
        return preparing.await(30, TimeUnit.SECONDS);
    }
}
