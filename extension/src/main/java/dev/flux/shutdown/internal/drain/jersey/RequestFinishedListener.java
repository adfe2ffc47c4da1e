package dev.flux.shutdown.internal.drain.jersey;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import dev.flux.shutdown.internal.drain.RequestDrainFilter;

/**
 * Ends a request's time in flight when Jersey reports it finished, whatever path it took. Usually the filter pair
 * has released it already and this does nothing; one listener serves every request, so it allocates nothing.
 */
public final class RequestFinishedListener implements ApplicationEventListener, RequestEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
        // only requests matter
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() == RequestEvent.Type.FINISHED) {
            RequestDrainFilter.release(event.getContainerRequest());
        }
    }
}
