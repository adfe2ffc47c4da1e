package dev.flux.shutdown.runtime.drain;

import jakarta.ws.rs.core.Response;

import dev.flux.shutdown.runtime.drain.DrainConfig.NewRequests;

/**
 * What the request filter needs to decide about one request: whether tracking is on, the registry, and the
 * policy for late requests.
 */
public final class DrainGate {

    private final boolean enabled;
    private final InFlightRegistry registry;
    private final DrainConfig config;

    public DrainGate(boolean enabled, InFlightRegistry registry, DrainConfig config) {
        this.enabled = enabled;
        this.registry = registry;
        this.config = config;
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
