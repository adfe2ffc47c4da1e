package dev.flux.shutdown.tck.app.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.flux.shutdown.tck.app.Ledger;

/** Adds an entry to the {@link Ledger}, creating it on the first call. */
@ApplicationScoped
@Path("/ledger")
public class LedgerResource {

    @Inject
    Ledger ledger;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String add() {
        return Long.toString(ledger.add());
    }
}
