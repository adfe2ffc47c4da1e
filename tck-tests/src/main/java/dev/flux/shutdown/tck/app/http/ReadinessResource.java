package dev.flux.shutdown.tck.app.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/** The MicroProfile Health readiness endpoint, served by SmallRye Health: 200 when UP, 503 when DOWN. */
@ApplicationScoped
@Path("health/ready")
public class ReadinessResource {

    @Inject
    SmallRyeHealthReporter reporter;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        SmallRyeHealth health = reporter.getReadiness();
        return Response.status(health.isDown() ? 503 : 200).entity(health.getPayload().toString()).build();
    }
}
