package dev.flux.shutdown.internal.drain.websocket;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import dev.flux.shutdown.internal.drain.longlived.LongLivedHandle;

/**
 * A WebSocket session, ended with close code 1001 (Going Away): the client knows the server is leaving, and
 * reconnects (through the load balancer, to another instance). Equal to every other handle of the same session, so
 * that its close can forget it.
 */
final class OpenWebSocket extends LongLivedHandle<Session> {

    static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down");

    OpenWebSocket(Session session) {
        super(Kind.WEBSOCKET, session);
    }

    @Override
    public boolean isOpen() {
        return target().isOpen();
    }

    @Override
    public CompletionStage<?> end() {
        try {
            target().close(GOING_AWAY);
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
