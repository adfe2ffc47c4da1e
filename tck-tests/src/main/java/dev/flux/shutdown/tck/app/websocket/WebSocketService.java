package dev.flux.shutdown.tck.app.websocket;

import java.util.Map;
import java.util.Set;

import org.glassfish.tyrus.server.Server;

/**
 * Serves the application's Jakarta WebSocket endpoints with Tyrus on Grizzly, on a port of its own (any free one),
 * the way a plain Weld SE user starts Tyrus; stopped when the JVM exits, after flux-shutdown's phases.
 */
public final class WebSocketService {

    private WebSocketService() {
    }

    /**
     * Whether Tyrus is on the classpath: a test starts the application without it (and without the WebSocket API), to
     * show that the library loads there too. This class names Tyrus only in {@link #start()}.
     */
    public static boolean available() {
        try {
            Class.forName("org.glassfish.tyrus.server.Server", false, WebSocketService.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Starts the server on 127.0.0.1 and returns the port it listens on. */
    public static int start() {
        // -1: a free port; Tyrus takes 0 for its default 8025, which parallel builds on one machine then share
        Server server = new Server("127.0.0.1", -1, "/", Map.of(), Set.of(ChatEndpoint.class));
        try {
            server.start();
        } catch (Exception e) { // DeploymentException, not named: available() must load this class without the API
            throw new IllegalStateException("cannot start the WebSocket server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tck-websocket-shutdown"));
        return server.getPort();
    }
}
