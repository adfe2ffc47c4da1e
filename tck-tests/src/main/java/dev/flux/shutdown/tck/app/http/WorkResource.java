package dev.flux.shutdown.tck.app.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Endpoints that take the paths a request can take: fast, slow, large bodies, bodies written slowly, async, stage,
 * failures mapped and not. Each slow endpoint prints {@code FLUX-TCK STARTED <path>} when it begins work, so that
 * a test can wait until its requests are really in flight.
 */
@ApplicationScoped
@Path("/")
public class WorkResource {

    @Inject
    InFlightTracker tracker;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tck-async-timer");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stopTimer() {
        timer.shutdownNow();
    }

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }

    @GET
    @Path("slow")
    @Produces(MediaType.TEXT_PLAIN)
    public String slow(@QueryParam("ms") @DefaultValue("1000") long millis) {
        started("slow");
        pause(millis);
        return "done";
    }

    @GET
    @Path("large")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] large(@QueryParam("ms") @DefaultValue("1000") long millis,
            @QueryParam("bytes") @DefaultValue("1600000") int bytes) {
        started("large");
        pause(millis);
        return body(bytes);
    }

    /** A body written in chunks with a pause between them: in flight until the last chunk is out. */
    @GET
    @Path("stream")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput stream(@QueryParam("chunks") @DefaultValue("20") int chunks,
            @QueryParam("chunk-bytes") @DefaultValue("65536") int chunkBytes,
            @QueryParam("pause-ms") @DefaultValue("50") long pauseMillis) {
        started("stream");
        byte[] chunk = body(chunkBytes);
        return (OutputStream out) -> {
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                out.flush();
                pause(pauseMillis);
            }
        };
    }

    @GET
    @Path("async")
    @Produces(MediaType.TEXT_PLAIN)
    public void async(@QueryParam("ms") @DefaultValue("1000") long millis, @Suspended AsyncResponse response) {
        started("async");
        timer.schedule(() -> response.resume("async done"), millis, TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("async-fail")
    @Produces(MediaType.TEXT_PLAIN)
    public void asyncFail(@QueryParam("ms") @DefaultValue("100") long millis, @Suspended AsyncResponse response) {
        timer.schedule(() -> response.resume(new IllegalStateException("async failure")), millis,
                TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("stage")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> stage(@QueryParam("ms") @DefaultValue("1000") long millis) {
        started("stage");
        CompletableFuture<String> result = new CompletableFuture<>();
        timer.schedule(() -> result.complete("stage done"), millis, TimeUnit.MILLISECONDS);
        return result;
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("unmapped failure");
    }

    @GET
    @Path("mapped-fail")
    public String mappedFail() {
        throw new TckMappedException();
    }

    @GET
    @Path("no-content")
    public void noContent() {
        // 204, no entity
    }

    /** The library's count of work in flight (this request included). */
    @GET
    @Path("in-flight")
    @Produces(MediaType.TEXT_PLAIN)
    public int inFlight() {
        return tracker.inFlight();
    }

    static byte[] body(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    private static void started(String path) {
        TckOutput.print("FLUX-TCK STARTED " + path);
    }

    /** Simulates work that takes time, as a real slow endpoint would. */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure that the application maps to 409 Conflict. */
    public static final class TckMappedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TckMappedException() {
            super("mapped failure");
        }
    }
}
