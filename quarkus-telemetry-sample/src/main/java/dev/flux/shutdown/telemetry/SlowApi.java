package dev.flux.shutdown.telemetry;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * One slow endpoint, the work a graceful shutdown drains: it logs {@code telemetry-sample: started slow} when its
 * work begins, then takes {@code ms} milliseconds.
 */
@Path("/slow")
public class SlowApi {

    private static final Logger LOG = Logger.getLogger(SlowApi.class.getName());

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String slow(@QueryParam("ms") long millis) throws InterruptedException {
        LOG.info(() -> "telemetry-sample: started slow");
        TimeUnit.MILLISECONDS.sleep(millis);
        return "took " + millis + " ms";
    }
}
