package dev.flux.shutdown.tck.app.websocket;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import dev.flux.shutdown.tck.app.TckOutput;

/**
 * A chat room: each session stays open until the client or the server closes it; messages are echoed. A CDI bean
 * (Tyrus gets it from CDI through {@link CdiConfigurator}), so that flux-shutdown sees its sessions open and close.
 */
@ApplicationScoped
@ServerEndpoint(value = "/chat", configurator = CdiConfigurator.class)
public class ChatEndpoint {

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("welcome");
        TckOutput.print("FLUX-TCK STARTED chat");
    }

    @OnMessage
    public String echo(String message) {
        return message;
    }
}
