package dev.flux.shutdown.internal.drain.jersey;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import dev.flux.shutdown.internal.drain.RequestDrainFilter;
import dev.flux.shutdown.internal.drain.longlived.LongLivedFeature;

/**
 * Jersey loads this through its own service file, so a Jersey application gets request draining by adding the jar:
 * the filter pair, plus Jersey's request-completion hook, which also ends requests that skip the response filters
 * (an exception no mapper handles). Other runtimes never load this class.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class JerseyDrainIntegration implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(RequestDrainFilter.class)) {
            // Jersey's FINISHED event releases every request, so this filter skips the request-context fallback
            context.register(RequestDrainFilter.withRuntimeCompletionHook());
        }
        if (!context.getConfiguration().isRegistered(LongLivedFeature.class)) {
            context.register(LongLivedFeature.class);
        }
        if (!context.getConfiguration().isRegistered(RequestFinishedListener.class)) {
            context.register(RequestFinishedListener.class);
        }
    }
}
