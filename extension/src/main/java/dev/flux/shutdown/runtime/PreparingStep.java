package dev.flux.shutdown.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;

/**
 * PREPARING: readiness is already DOWN (the coordinator set the phase); keep serving normally for
 * {@code flux.shutdown.readiness-delay} so that load balancers stop routing here before DRAINING.
 */
public final class PreparingStep implements PhaseStep {

    private final Duration readinessDelay;

    public PreparingStep(Duration readinessDelay) {
        this.readinessDelay = readinessDelay;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.PREPARING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        if (!readinessDelay.isZero()) {
            try {
                TimeUnit.NANOSECONDS.sleep(readinessDelay.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PhaseResult.completed("readiness DOWN; delay interrupted");
            }
        }
        return PhaseResult.completed("readiness DOWN, served normally for " + Durations.format(readinessDelay));
    }
}
