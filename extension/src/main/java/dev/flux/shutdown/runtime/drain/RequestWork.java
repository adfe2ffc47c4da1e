package dev.flux.shutdown.runtime.drain;

import jakarta.ws.rs.container.ContainerRequestContext;

/** A JAX-RS request in flight; described lazily, only if DRAINING times out while it runs. */
final class RequestWork extends TrackedWork {

    private final ContainerRequestContext request;

    RequestWork(ContainerRequestContext request) {
        this.request = request;
    }

    @Override
    public String describe() {
        return request.getMethod() + " /" + request.getUriInfo().getPath(false);
    }
}
