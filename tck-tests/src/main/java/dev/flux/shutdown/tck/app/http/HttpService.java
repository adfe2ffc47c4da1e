package dev.flux.shutdown.tck.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;


/**
 * Serves the application's JAX-RS resources over real HTTP with Jersey on Grizzly, the way a plain Weld SE user
 * wires it: Weld is started first, then Jersey, whose Weld SE integration lets CDI create the resources. Nothing
 * registers the library: Jersey discovers its request draining by itself.
 */
public final class HttpService {

    /** Worker threads: enough for every test's concurrent slow requests (Grizzly's default is 2 per core). */
    private static final int WORKERS = 64;
    private static final long GRACE_SECONDS = 10;

    /** The server serving now, for the observer that stops it the way Helidon does. */
    private static volatile HttpServer running;

    private HttpService() {
    }

    /** Starts the server on 127.0.0.1 and the given port (0 for any free one) and returns it, already serving. */
    public static HttpServer start(int port) {
        ResourceConfig application = new ResourceConfig().packages(HttpService.class.getPackageName());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + port + "/"), application, false);
        for (NetworkListener listener : server.getListeners()) {
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("tck-http-worker").setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
        }
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        running = server;
        return server;
    }

    /**
     * Stops the server when the JVM exits, gracefully: responses already handed to it are written out before the
     * connections close. flux-shutdown's phases have run by then (on a signal they run before any shutdown hook).
     */
    public static void stopOnExit(HttpServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1L, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                server.shutdownNow();
            }
        }, "tck-http-shutdown"));
    }

    /** Stops the running server at once: open connections are closed, responses in progress are cut. */
    static void stopNow() {
        HttpServer server = running;
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** The port the server actually listens on. */
    public static int port(HttpServer server) {
        return server.getListeners().iterator().next().getPort();
    }
}
