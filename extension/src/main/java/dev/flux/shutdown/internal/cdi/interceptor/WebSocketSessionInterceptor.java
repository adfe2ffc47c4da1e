package dev.flux.shutdown.internal.cdi.interceptor;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.flux.shutdown.internal.drain.longlived.LongLivedResponses;
import dev.flux.shutdown.internal.drain.websocket.WebSocketSessions;
import dev.flux.shutdown.internal.cdi.DefaultShutdown;
import dev.flux.shutdown.internal.cdi.discovery.WebSocketDiscovery;

/**
 * Tracks the sessions of WebSocket endpoints that are CDI beans: each one opened is closed with 1001 at the start of
 * DRAINING. Names no WebSocket type itself (see {@link WebSocketSessions}), so it loads where the API is absent.
 */
@TrackWebSocket
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class WebSocketSessionInterceptor {

    @Inject
    DefaultShutdown shutdown;

    @AroundInvoke
    Object track(InvocationContext invocation) throws Exception {
        LongLivedResponses responses = shutdown.longLived();
        if (!responses.enabled()) {
            return invocation.proceed();
        }
        if (WebSocketDiscovery.isOnClose(invocation.getMethod())) {
            try {
                return invocation.proceed();
            } finally {
                WebSocketSessions.closed(responses, invocation.getParameters());
            }
        }
        Object result = invocation.proceed();
        // after the endpoint's own @OnOpen: a session ended at once (DRAINING has started) is ended after it
        WebSocketSessions.opened(responses, invocation.getParameters());
        return result;
    }
}
