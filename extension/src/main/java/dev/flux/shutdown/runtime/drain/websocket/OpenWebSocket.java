package dev.flux.shutdown.runtime.drain.websocket;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import dev.flux.shutdown.runtime.drain.longlived.LongLived;

/**
 * A WebSocket session, ended with close code 1001 (Going Away): the client knows the server is leaving, and
 * reconnects (through the load balancer, to another instance). Equal to every other handle of the same session, so
 * that its close can forget it.
 */
final class OpenWebSocket implements LongLived {

    static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down");

    private final Session session;

    OpenWebSocket(Session session) {
        this.session = session;
    }

    @Override
    public Kind kind() {
        return Kind.WEBSOCKET;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public CompletionStage<?> end() {
        try {
            session.close(GOING_AWAY);
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenWebSocket that && that.session == session;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(session);
    }
}
