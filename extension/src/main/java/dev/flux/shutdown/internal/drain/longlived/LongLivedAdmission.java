package dev.flux.shutdown.internal.drain.longlived;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.flux.shutdown.internal.drain.RequestDrainFilter;

/**
 * Runs, after matching, for the resource methods that open a long-lived response (see {@link LongLivedFeature}):
 * takes the request out of the ordinary in-flight count, since DRAINING ends it rather than waits for it, and refuses
 * it with 503 once DRAINING has started.
 */
public final class LongLivedAdmission implements ContainerRequestFilter {

    private volatile LongLivedResponses responses;

    @Override
    public void filter(ContainerRequestContext request) {
        LongLivedResponses open = responses();
        if (open == null) {
            return;
        }
        if (!open.admits()) {
            request.abortWith(refusal(open));
            return;
        }
        RequestDrainFilter.releaseLongLived(request);
    }

    /** The 503 that long-lived responses get once DRAINING has started. */
    public static Response refusal(LongLivedResponses responses) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, responses.retryAfterSeconds())
                .header("Connection", "close")
                .build();
    }

    private LongLivedResponses responses() {
        LongLivedResponses r = responses;
        if (r == null) {
            r = CDI.current().select(LongLivedResponses.class).get();
            responses = r;
        }
        return r.enabled() ? r : null;
    }
}
