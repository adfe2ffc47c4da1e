package dev.flux.shutdown.internal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.internal.drain.DrainGate;
import dev.flux.shutdown.internal.drain.longlived.LongLivedResponses;
import dev.flux.shutdown.internal.state.ReleasedCheckpoints;

/**
 * Reports DOWN from the first instant of a shutdown, so that load balancers and Kubernetes stop routing new
 * requests here while the in-flight ones finish. With the JDBC checkpoint store it also shows
 * {@value #RELEASED_CHECKPOINTS}: checkpoints other instances released that wait for a successor.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    /** The name under which the check appears in the health response. */
    public static final String NAME = "flux-shutdown";

    /** The data entry with the count of released, unclaimed checkpoints (JDBC store only). */
    public static final String RELEASED_CHECKPOINTS = "released-checkpoints";

    @Inject
    Shutdown shutdown;

    @Inject
    InFlightTracker inFlight;

    @Inject
    DrainGate drain;

    @Inject
    Instance<ReleasedCheckpoints> released;

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
        if (released.isResolvable()) {
            released.get().unclaimed().ifPresent(count -> response.withData(RELEASED_CHECKPOINTS, count));
        }
        return response.build();
    }
}
