package dev.flux.shutdown;

import java.util.Optional;

/**
 * Tracks work that is neither a JAX-RS request nor an {@link InFlight} method, e.g. a message being processed by
 * a consumer thread: DRAINING waits until every ticket is closed, bounded by {@code flux.shutdown.drain.timeout}.
 * Inject it as a CDI bean.
 */
public interface InFlightTracker {

    /**
     * Takes a ticket for one piece of work, to be closed when the work is done (use try-with-resources).
     *
     * @param description what the work is, logged if it is still running when DRAINING times out
     * @return the ticket, or empty once a shutdown has started: do not start the work then. With
     *         {@code flux.shutdown.enabled=false} every call gets a ticket that is not counted.
     */
    Optional<Ticket> tryAcquire(String description);

    /** {@return how many requests, {@link InFlight} calls and tickets are in flight now} */
    int inFlight();

    /** One piece of tracked work; closing it more than once has no further effect. */
    interface Ticket extends AutoCloseable {

        @Override
        void close();
    }
}
