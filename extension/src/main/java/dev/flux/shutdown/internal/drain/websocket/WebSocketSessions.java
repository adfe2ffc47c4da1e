package dev.flux.shutdown.internal.drain.websocket;

import jakarta.websocket.Session;

import dev.flux.shutdown.internal.drain.longlived.LongLivedResponses;

/**
 * Hands the sessions that WebSocket endpoints open and close to {@link LongLivedResponses}. The only door to the
 * WebSocket API: callers pass plain objects, so that the library loads where the API is absent, and this class is
 * loaded only once an endpoint has been called.
 */
public final class WebSocketSessions {

    /** The annotations that mark a Jakarta WebSocket endpoint and its open and close methods, by name. */
    public static final String SERVER_ENDPOINT = "jakarta.websocket.server.ServerEndpoint";
    public static final String ON_OPEN = "jakarta.websocket.OnOpen";
    public static final String ON_CLOSE = "jakarta.websocket.OnClose";

    private WebSocketSessions() {
    }

    /**
     * Tracks the session among {@code arguments} of an {@code @OnOpen} method, or ends it at once with 1001 if
     * DRAINING has started (the handshake is done by then: the runtime offers no portable way to refuse it).
     */
    public static void opened(LongLivedResponses responses, Object[] arguments) {
        Session session = sessionIn(arguments);
        if (session != null) {
            responses.open(new OpenWebSocket(session));
        }
    }

    /** Forgets the session among {@code arguments} of an {@code @OnClose} method. */
    public static void closed(LongLivedResponses responses, Object[] arguments) {
        Session session = sessionIn(arguments);
        if (session != null) {
            responses.closed(new OpenWebSocket(session));
        }
    }

    private static Session sessionIn(Object[] arguments) {
        for (Object argument : arguments) {
            if (argument instanceof Session session) {
                return session;
            }
        }
        return null;
    }
}
