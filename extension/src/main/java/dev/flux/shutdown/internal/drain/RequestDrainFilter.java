package dev.flux.shutdown.internal.drain;

import java.io.IOException;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import dev.flux.shutdown.internal.drain.DrainConfig.NewRequests;

/**
 * Counts every JAX-RS request as in flight from before matching until its response entity has been written, and
 * answers requests that must not be served with 503. The entity is serialized after the response filters run, so
 * a response with an entity is released by the writer interceptor, one without by the response filter.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 900)
public class RequestDrainFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    static final String WORK = RequestDrainFilter.class.getName();
    private static final String CONNECTION = "Connection";

    private volatile DrainGate gate;
    private final boolean runtimeReportsCompletion;

    /** For the JAX-RS runtime, which creates the filter; the gate is looked up in CDI on the first request. */
    public RequestDrainFilter() {
        this.runtimeReportsCompletion = false;
    }

    /** For benchmarks and tests that run the filter without a CDI container. */
    RequestDrainFilter(DrainGate gate) {
        this.gate = gate;
        this.runtimeReportsCompletion = false;
    }

    private RequestDrainFilter(boolean runtimeReportsCompletion) {
        this.runtimeReportsCompletion = runtimeReportsCompletion;
    }

    /**
     * A filter for a runtime whose own completion hook calls {@link #release(ContainerRequestContext)} for every
     * request (see {@code drain.jersey}): it needs no request-context fallback, which costs a bean per request.
     */
    public static RequestDrainFilter withRuntimeCompletionHook() {
        return new RequestDrainFilter(true);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        DrainGate g = gate();
        if (!g.enabled()) {
            return;
        }
        InFlightRegistry registry = g.registry();
        if (g.newRequests() == NewRequests.REJECT && registry.isDraining()) {
            registry.requestArrived(); // a refusal still tells that a proxy routes here
            refuse(request, g);
            return;
        }
        RequestWork work = new RequestWork(request);
        InFlightRegistry.Admission admission = registry.admit(work);
        if (admission == InFlightRegistry.Admission.REFUSED) {
            refuse(request, g);
            return;
        }
        if (admission == InFlightRegistry.Admission.LATE) {
            registry.requestArrived(); // while counted: stamped before the release that could end DRAINING
            registry.lateRequests().served();
        }
        request.setProperty(WORK, work);
        if (!runtimeReportsCompletion) {
            g.releaseAtRequestEnd(work);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object work = request.getProperty(WORK);
        if (work == null) {
            return;
        }
        if (gate().registry().isDraining()) {
            response.getHeaders().putSingle(CONNECTION, "close");
        }
        if (!response.hasEntity() || "HEAD".equals(request.getMethod())) {
            ((TrackedWork) work).release();
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object work = context.getProperty(WORK);
        try {
            context.proceed();
            if (work != null) {
                // Commit now: runtimes buffer the entity and hand it to the server only when they close the
                // stream, after this method. Released before that, the last request could be cut by the exit.
                // Closing twice is allowed; the runtime's own close is then a no-op.
                context.getOutputStream().close();
            }
        } finally {
            if (work != null) {
                ((TrackedWork) work).release();
            }
        }
    }

    /**
     * Releases the request's work if a filter pair counted it and nothing released it yet; for runtime hooks that
     * report a request finished (see {@code drain.jersey}).
     */
    public static void release(ContainerRequestContext request) {
        Object work = request.getProperty(WORK);
        if (work != null) {
            ((TrackedWork) work).release();
        }
    }

    /**
     * Takes a request that opens a long-lived response (an event stream, a long poll) out of the in-flight count for
     * good: DRAINING ends it rather than waits for it. Its entity, written piece by piece as events, is then never
     * closed by {@link #aroundWriteTo}.
     */
    public static void releaseLongLived(ContainerRequestContext request) {
        Object work = request.getProperty(WORK);
        if (work != null) {
            request.removeProperty(WORK);
            ((TrackedWork) work).release();
        }
    }

    private static void refuse(ContainerRequestContext request, DrainGate g) {
        g.registry().lateRequests().refused(g.registry().isClosed());
        request.abortWith(g.refusal());
    }

    private DrainGate gate() {
        DrainGate g = gate;
        if (g == null) {
            g = CDI.current().select(DrainGate.class).get();
            gate = g;
        }
        return g;
    }

    /** Builds the 503 that refused requests get. */
    static Response refusal(long retryAfterSeconds) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .header(CONNECTION, "close")
                .build();
    }
}
