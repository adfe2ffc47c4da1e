package dev.flux.shutdown.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real WebSocket client session (the JDK's {@link WebSocket}) that records the text messages it receives and the
 * close code the server ends it with.
 */
public final class WebSocketClient {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> firstMessage = new CompletableFuture<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final CompletableFuture<WebSocket> socket;

    private WebSocketClient(HttpClient client, URI uri) {
        socket = client.newWebSocketBuilder().buildAsync(uri, new Listener());
        socket.whenComplete((s, failure) -> {
            if (failure != null) {
                firstMessage.completeExceptionally(failure);
                closeCode.completeExceptionally(failure);
            }
        });
    }

    /** Opens a session with {@code uri} ({@code ws://...}). */
    public static WebSocketClient connect(HttpClient client, URI uri) {
        return new WebSocketClient(client, uri);
    }

    /** The session, once the handshake is done. */
    public CompletableFuture<WebSocket> socket() {
        return socket;
    }

    /** The first text message the server sent. */
    public CompletableFuture<String> firstMessage() {
        return firstMessage;
    }

    /** The status code of the server's close frame; exceptional if the connection ended without one. */
    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                messages.add(message);
                firstMessage.complete(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            firstMessage.completeExceptionally(error);
            closeCode.completeExceptionally(error);
        }
    }
}
