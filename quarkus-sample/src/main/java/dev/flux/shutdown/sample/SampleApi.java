package dev.flux.shutdown.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The sample's API: a fast greeting, a slow report, a large export, a small order store and a visit counter whose
 * count survives restarts. The slow and large endpoints are what a graceful shutdown must not cut: each logs
 * {@code sample: started <path>} when its work begins.
 */
@Path("/")
public class SampleApi {

    private static final Logger LOG = Logger.getLogger(SampleApi.class.getName());

    @Inject
    OrderStore orders;

    @Inject
    AuditTrail audit;

    @Inject
    ServedRequests served;

    @Inject
    VisitCounter visits;

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }

    /** A report that takes {@code ms} milliseconds to compute. */
    @GET
    @Path("report")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> report(@QueryParam("ms") @DefaultValue("1000") long millis) {
        LOG.info(() -> "sample: started report");
        pause(millis);
        long count = orders.count();
        served.report();
        audit.record("report ms=" + millis + " orders=" + count);
        return Map.of("orders", count, "tookMs", millis);
    }

    /** {@code kb} KiB of data, after {@code ms} milliseconds of preparation. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] export(@QueryParam("kb") @DefaultValue("2048") int kilobytes,
            @QueryParam("ms") @DefaultValue("0") long millis) {
        LOG.info(() -> "sample: started export");
        pause(millis);
        byte[] body = new byte[kilobytes * 1024];
        Arrays.fill(body, (byte) 'x');
        served.exported(body.length);
        audit.record("export bytes=" + body.length);
        return body;
    }

    @POST
    @Path("orders")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> place(@QueryParam("item") @DefaultValue("coffee") String item) {
        long id = orders.place(item);
        audit.record("order id=" + id + " item=" + item);
        return Map.of("id", id, "item", item);
    }

    @GET
    @Path("orders/count")
    @Produces(MediaType.TEXT_PLAIN)
    public long count() {
        return orders.count();
    }

    /** Counts a visit; the count including it. The count survives a restart through SIGTERM. */
    @POST
    @Path("visits")
    @Produces(MediaType.TEXT_PLAIN)
    public long visit() {
        return visits.visit();
    }

    @GET
    @Path("visits")
    @Produces(MediaType.TEXT_PLAIN)
    public long visits() {
        return visits.visits();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.NANOSECONDS.sleep(Duration.ofMillis(millis).toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
