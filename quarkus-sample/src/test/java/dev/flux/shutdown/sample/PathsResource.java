package dev.flux.shutdown.sample;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.smallrye.mutiny.Uni;

/**
 * Test-only endpoints (not part of the sample) that take every path a request can take on Quarkus REST: plain,
 * empty, failing with and without a mapper, suspended, {@code CompletionStage}, {@code Uni}, streamed.
 */
@ApplicationScoped
@Path("/paths")
public class PathsResource {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "paths-timer");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stopTimer() {
        timer.shutdownNow();
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("no mapper for this");
    }

    @GET
    @Path("web-fail")
    public String webFail() {
        throw new WebApplicationException(418);
    }

    @GET
    @Path("mapped-fail")
    public String mappedFail() {
        throw new MappedFailure();
    }

    @GET
    @Path("no-content")
    public void noContent() {
        // 204
    }

    @GET
    @Path("async")
    @Produces(MediaType.TEXT_PLAIN)
    public void async(@QueryParam("ms") @DefaultValue("20") long millis, @Suspended AsyncResponse response) {
        timer.schedule(() -> response.resume("async"), millis, TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("async-fail")
    public void asyncFail(@Suspended AsyncResponse response) {
        timer.schedule(() -> response.resume(new IllegalStateException("async")), 20, TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("stage")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> stage(@QueryParam("ms") @DefaultValue("20") long millis) {
        CompletableFuture<String> result = new CompletableFuture<>();
        timer.schedule(() -> result.complete("stage"), millis, TimeUnit.MILLISECONDS);
        return result;
    }

    @GET
    @Path("stage-fail")
    public CompletionStage<String> stageFail() {
        CompletableFuture<String> result = new CompletableFuture<>();
        timer.schedule(() -> result.completeExceptionally(new IllegalStateException("stage")), 20,
                TimeUnit.MILLISECONDS);
        return result;
    }

    @GET
    @Path("uni")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> uni(@QueryParam("ms") @DefaultValue("20") long millis) {
        return Uni.createFrom().item("uni").onItem().delayIt().by(Duration.ofMillis(millis));
    }

    @GET
    @Path("uni-fail")
    public Uni<String> uniFail() {
        return Uni.createFrom().item("uni").onItem().delayIt().by(Duration.ofMillis(20))
                .onItem().failWith(item -> new IllegalStateException(item));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput stream(@QueryParam("chunks") @DefaultValue("3") int chunks,
            @QueryParam("pause-ms") @DefaultValue("10") long pauseMillis) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        return (OutputStream out) -> {
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                out.flush();
                try {
                    TimeUnit.MILLISECONDS.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    @GET
    @Path("stream-fail")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput streamFail() {
        return (OutputStream out) -> {
            out.write(new byte[100]);
            out.flush();
            throw new IllegalStateException("failed mid-stream");
        };
    }

    /** A failure that the test application maps to 409 Conflict. */
    public static final class MappedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Provider
    public static final class MappedFailureMapper implements ExceptionMapper<MappedFailure> {
        @Override
        public Response toResponse(MappedFailure failure) {
            return Response.status(Response.Status.CONFLICT).entity("conflict").build();
        }
    }
}
