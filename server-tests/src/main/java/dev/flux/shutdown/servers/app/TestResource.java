package dev.flux.shutdown.servers.app;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What the tests call: a quick answer, a slow one with a body of known size, the counter, the live threads. */
@ApplicationScoped
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class TestResource {

    @Inject
    EventLog events;

    @Inject
    Counter counter;

    @GET
    @Path("hello")
    public String hello() {
        return "hello from " + events.app();
    }

    /** Takes {@code millis}, then answers {@code bytes} times {@code x}: a cut or truncated answer shows. */
    @GET
    @Path("slow")
    public String slow(@QueryParam("millis") long millis, @QueryParam("bytes") @DefaultValue("100000") int bytes)
            throws InterruptedException {
        events.record("slow-started");
        Thread.sleep(millis);
        return "x".repeat(bytes);
    }

    @POST
    @Path("count")
    public long increment() {
        return counter.increment();
    }

    @GET
    @Path("count")
    public long count() {
        return counter.count();
    }

    /** The names of the JVM's live threads that start with {@code prefix}, one per line. */
    @GET
    @Path("threads")
    public String threads(@QueryParam("prefix") String prefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).sorted().collect(Collectors.joining("\n"));
    }
}
