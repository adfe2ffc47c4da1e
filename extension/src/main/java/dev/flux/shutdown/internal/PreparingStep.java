package dev.flux.shutdown.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;

/**
 * PREPARING: readiness is already DOWN (the coordinator set the phase); keep serving normally for
 * {@code flux.shutdown.readiness-delay} so that load balancers stop routing here before DRAINING. When a server
 * undeploys the application or stops, it has already taken the application's web context away: waiting would be
 * pure delay.
 */
public final class PreparingStep implements PhaseStep {

    private final Duration readinessDelay;
    private final boolean hosted;

    /** @param hosted whether a server hosts the application (then a container close skips the delay) */
    public PreparingStep(Duration readinessDelay, boolean hosted) {
        this.readinessDelay = readinessDelay;
        this.hosted = hosted;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.PREPARING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        if (hosted && cause.trigger() == ShutdownCause.Trigger.CONTAINER) {
            return PhaseResult.completed("readiness DOWN; no delay: the server no longer routes to the application");
        }
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
