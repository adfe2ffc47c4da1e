package dev.flux.shutdown.sample;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

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

/**
 * Notifications, the usual long-lived responses: a server-sent event stream (a tick every 200 ms to every open
 * stream) and a long poll that waits for news. flux-shutdown ends both at the start of DRAINING; DRAINING then waits
 * only for the ordinary requests. Each logs {@code sample: started events|poll} when it opens.
 */
@ApplicationScoped
@Path("/notifications")
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    private final Set<SseEventSink> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sample-notifications");
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
        LOG.info(() -> "sample: started events");
    }

    /** Waits for news (none comes in this sample); ended with 503 at DRAINING, so the client polls elsewhere. */
    @GET
    @Path("poll")
    @Produces(MediaType.TEXT_PLAIN)
    @LongPoll
    public void poll(@Suspended AsyncResponse response) {
        response.setTimeout(5, TimeUnit.MINUTES);
        LOG.info(() -> "sample: started poll");
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
