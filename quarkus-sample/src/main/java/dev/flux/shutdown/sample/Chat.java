package dev.flux.shutdown.sample;

import java.util.logging.Logger;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A chat room over Jakarta WebSocket: sessions stay open until the client leaves, or until flux-shutdown closes them
 * with 1001 (Going Away) at the start of DRAINING, so that clients reconnect to another instance. Logs
 * {@code sample: started chat} when a session opens.
 */
@ServerEndpoint("/chat")
public class Chat {

    private static final Logger LOG = Logger.getLogger(Chat.class.getName());

    @OnOpen
    public void open(Session session) {
        session.getAsyncRemote().sendText("welcome"); // the basic remote blocks, which an IO thread must not
        LOG.info(() -> "sample: started chat");
    }

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
