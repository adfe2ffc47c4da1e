package dev.flux.shutdown.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.runtime.drain.DrainGate;
import dev.flux.shutdown.runtime.drain.longlived.LongLivedResponses;

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

    /** The open event streams, long polls and WebSocket sessions, counted apart from in-flight work. */
    @Inject
    LongLivedResponses longLived;

    @Override
    public HealthCheckResponse call() {
        LateRequests late = drain.lateRequests();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!shutdown.isShuttingDown())
                .withData("phase", shutdown.phase().map(Enum::name).orElse("RUNNING"))
                .withData("in-flight", inFlight.inFlight())
                .withData("served-late", late.served())
                .withData("refused", late.refused());
        longLived.openCounts().forEach((kind, open) -> response.withData(kind.key(), open));
        return response.build();
    }
}
