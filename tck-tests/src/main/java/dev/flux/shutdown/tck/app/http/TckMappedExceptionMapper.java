package dev.flux.shutdown.tck.app.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the application's own failure to 409, as applications map their domain exceptions. */
@Provider
public class TckMappedExceptionMapper implements ExceptionMapper<WorkResource.TckMappedException> {

    @Override
    public Response toResponse(WorkResource.TckMappedException exception) {
        return Response.status(Response.Status.CONFLICT).entity(exception.getMessage()).build();
    }
}
