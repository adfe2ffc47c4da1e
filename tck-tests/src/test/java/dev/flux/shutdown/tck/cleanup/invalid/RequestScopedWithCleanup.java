package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.RequestScoped;

import dev.flux.shutdown.Cleanup;

/** Request scoped: no request is active at shutdown, and there is one instance per request. */
@RequestScoped
public class RequestScopedWithCleanup {

    @Cleanup
    void close() {
    }
}
