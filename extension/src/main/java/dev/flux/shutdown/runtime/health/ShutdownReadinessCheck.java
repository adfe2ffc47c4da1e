package dev.flux.shutdown.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.runtime.drain.DrainGate;

/**
 * Reports DOWN from the first instant of a shutdown, so that load balancers and Kubernetes stop routing new
 * requests here while the in-flight ones finish.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    /** The name under which the check appears in the health response. */
    public static final String NAME = "flux-shutdown";

    @Inject
    Shutdown shutdown;

    @Inject
    InFlightTracker inFlight;

    @Inject
    DrainGate drain;

    @Override
    public HealthCheckResponse call() {
        LateRequests late = drain.lateRequests();
        return HealthCheckResponse.named(NAME)
                .status(!shutdown.isShuttingDown())
                .withData("phase", shutdown.phase().map(Enum::name).orElse("RUNNING"))
                .withData("in-flight", inFlight.inFlight())
                .withData("served-late", late.served())
                .withData("refused", late.refused())
                .build();
    }
}
