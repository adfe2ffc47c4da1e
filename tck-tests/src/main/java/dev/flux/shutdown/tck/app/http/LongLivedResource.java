package dev.flux.shutdown.tck.app.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import dev.flux.shutdown.LongPoll;
import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Long-lived responses as applications write them: an event stream that never ends by itself (a tick every 200 ms
 * to every open stream) and a long poll that waits for news that never comes. Each prints a line when it opens, so
 * that a test can wait until they are all open.
 */
@ApplicationScoped
@Path("/long-lived")
public class LongLivedResource {

    private final Set<SseEventSink> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tck-sse-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sse sse;

    @PostConstruct
    void startTicking() {
        ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTicking() {
        ticker.shutdownNow();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        this.sse = sse;
        sink.send(sse.newEvent("open " + ProcessHandle.current().pid()));
        streams.add(sink);
        TckOutput.print("FLUX-TCK STARTED events");
    }

    @GET
    @Path("poll")
    @Produces(MediaType.TEXT_PLAIN)
    @LongPoll
    public void poll(@Suspended AsyncResponse response) {
        response.setTimeout(5, TimeUnit.MINUTES);
        TckOutput.print("FLUX-TCK STARTED poll");
    }

    private void tick() {
        Sse events = sse;
        if (events == null) {
            return;
        }
        String data = "tick " + ticks.incrementAndGet() + " " + ProcessHandle.current().pid();
        for (SseEventSink sink : streams) {
            if (sink.isClosed()) {
                streams.remove(sink);
            } else {
                sink.send(events.newEvent(data)).exceptionally(failure -> null);
            }
        }
    }
}
