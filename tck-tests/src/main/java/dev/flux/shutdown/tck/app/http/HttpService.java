package dev.flux.shutdown.tck.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import dev.flux.shutdown.runtime.drain.RequestDrainFilter;

/**
 * Serves the application's JAX-RS resources over real HTTP with Jersey on Grizzly, the way a plain Weld SE user
 * wires it: Weld is started first, then Jersey, whose Weld SE integration lets CDI create the resources. The
 * library's request filter is registered like any provider.
 */
public final class HttpService {

    private HttpService() {
    }

    /** Starts the server on 127.0.0.1 and the given port (0 for any free one) and returns it, already serving. */
    public static HttpServer start(int port) {
        ResourceConfig application = new ResourceConfig()
                .packages(HttpService.class.getPackageName())
                .register(RequestDrainFilter.class);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + port + "/"), application, false);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        return server;
    }

    /** The port the server actually listens on. */
    public static int port(HttpServer server) {
        return server.getListeners().iterator().next().getPort();
    }
}
