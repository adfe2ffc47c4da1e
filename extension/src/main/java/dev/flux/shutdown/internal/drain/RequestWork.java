package dev.flux.shutdown.internal.drain;

import jakarta.ws.rs.container.ContainerRequestContext;

/** A JAX-RS request in flight; described lazily, only if DRAINING times out while it runs. */
final class RequestWork extends TrackedWork {

    private final ContainerRequestContext request;

    RequestWork(ContainerRequestContext request) {
        this.request = request;
    }

    /**
     * {@code GET /orders/7}: the path as the client sent it. (Not {@code UriInfo.getPath(false)}, which Quarkus REST
     * refuses.) The request is read from the shutdown thread while it runs elsewhere; a runtime that will not answer
     * there still gets its method named.
     */
    @Override
    public String describe() {
        try {
            return request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return "a JAX-RS request (" + e + ")";
        }
    }
}
