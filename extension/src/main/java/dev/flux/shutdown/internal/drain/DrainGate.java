package dev.flux.shutdown.internal.drain;

import java.util.logging.Logger;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.Response;

import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.internal.drain.DrainConfig.NewRequests;

/**
 * What the request filter needs to decide about one request: whether tracking is on, the registry, and the
 * policy for late requests.
 */
public final class DrainGate {

    /** The name of the gate's bean, which the filter looks up by type. */
    public static final String BEAN_NAME = "dev.flux.shutdown.drainGate";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final boolean enabled;
    private final InFlightRegistry registry;
    private final DrainConfig config;
    private final RequestScopeRelease requestEnd;
    private volatile boolean requestEndUsable;

    /** A gate without the request-context fallback, for runtimes (and benchmarks) that need none. */
    public DrainGate(boolean enabled, InFlightRegistry registry, DrainConfig config) {
        this(enabled, registry, config, null);
    }

    /**
     * @param requestEnd the client proxy of the request-scoped {@link RequestScopeRelease}, or {@code null}
     */
    public DrainGate(boolean enabled, InFlightRegistry registry, DrainConfig config,
            RequestScopeRelease requestEnd) {
        this.enabled = enabled;
        this.registry = registry;
        this.config = config;
        this.requestEnd = requestEnd;
        this.requestEndUsable = requestEnd != null;
    }

    /**
     * Has {@code work} released also when the request's CDI request context ends, for the paths on which the runtime
     * runs neither the response filters nor the writer interceptor. A runtime that runs JAX-RS filters outside a
     * request context is told once, by the exception, and is not asked again.
     */
    void releaseAtRequestEnd(TrackedWork work) {
        if (!requestEndUsable) {
            return;
        }
        try {
            requestEnd.hold(work);
        } catch (ContextNotActiveException e) {
            requestEndUsable = false;
            LOG.fine(() -> "FLUX-0510 No CDI request context around JAX-RS filters in this runtime; requests are"
                    + " released by the filter pair (and the runtime's own completion hook, if any) only");
        }
    }

    /** The requests that arrived once DRAINING had started, for the readiness data. */
    public LateRequests lateRequests() {
        return registry.lateRequests().snapshot();
    }

    boolean enabled() {
        return enabled;
    }

    InFlightRegistry registry() {
        return registry;
    }

    NewRequests newRequests() {
        return config.newRequests();
    }

    Response refusal() {
        return RequestDrainFilter.refusal(config.retryAfter().toSeconds());
    }
}
