package dev.flux.shutdown.internal.drain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * Releases a request's work when the runtime ends the request's CDI request context. Some JAX-RS runtimes end a
 * request without running the response filters or the writer interceptor (Quarkus REST does so for an exception
 * that no mapper handles, and for a path that matches no resource); the end of the request context is the one
 * standard signal that every CDI runtime gives for those too. Usually the filter pair has released the work already,
 * and this does nothing.
 */
@RequestScoped
public class RequestScopeRelease {

    private TrackedWork work;

    /** Remembers the work of the current request, to release it when the request context ends. */
    void hold(TrackedWork work) {
        this.work = work;
    }

    @PreDestroy
    void release() {
        TrackedWork held = work;
        if (held != null) {
            held.release();
        }
    }
}
