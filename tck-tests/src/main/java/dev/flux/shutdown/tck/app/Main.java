package dev.flux.shutdown.tck.app;

import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.inject.se.SeContainerInitializer;

import org.glassfish.grizzly.http.server.HttpServer;

import dev.flux.shutdown.tck.app.http.HttpService;
import dev.flux.shutdown.tck.app.websocket.WebSocketService;

/**
 * A plain Weld SE application that uses flux-shutdown the way a user would: the library is only on the
 * classpath, found by Weld SE's discovery. The process-level tests start it as a real JVM, wait for
 * {@link TckOutput#READY}, send it signals and read what it printed. Its test knobs are listed in
 * {@link TckKnobs}; the library is configured with {@code -Dflux.shutdown.*} system properties.
 */
public final class Main {

    /** Never counted down: the main thread waits on it until the JVM ends. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        HttpServer server = start();
        TckOutput.print(TckOutput.HTTP_PORT + HttpService.port(server));
        if (WebSocketService.available()) {
            TckOutput.print(TckOutput.WS_PORT + WebSocketService.start());
        }
        TckOutput.print(TckOutput.READY + ProcessHandle.current().pid());
        NEVER.await();
    }

    /**
     * Starts everything the application serves with: the CDI container, then the HTTP server on
     * {@code -Dtck.http.port} (default: any free port). Weld SE closes the container from its own JVM shutdown
     * hook; the server keeps serving until the JVM ends, so requests that arrive after DRAINING get the library's
     * 503.
     */
    static HttpServer start() {
        SeContainerInitializer.newInstance().initialize();
        HttpServer server = HttpService.start(TckKnobs.httpPort());
        if (!TckKnobs.stopServerLikeHelidon()) {
            HttpService.stopOnExit(server);
        }
        return server;
    }
}
