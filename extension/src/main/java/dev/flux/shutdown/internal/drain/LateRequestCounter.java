package dev.flux.shutdown.internal.drain;

import java.util.concurrent.atomic.AtomicLong;

import dev.flux.shutdown.ShutdownReport.LateRequests;

/**
 * Counts the requests that arrive once DRAINING has started, served or refused, so that a shutdown that turned
 * clients away says so. Only requests of a shutdown touch it: the request path of a running service never does.
 */
public final class LateRequestCounter {

    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refusedDuring = new AtomicLong();
    private final AtomicLong refusedAfter = new AtomicLong();

    void served() {
        served.incrementAndGet();
    }

    /** @param drainingEnded whether DRAINING had already ended when the request was refused */
    void refused(boolean drainingEnded) {
        (drainingEnded ? refusedAfter : refusedDuring).incrementAndGet();
    }

    /** The counts so far. */
    public LateRequests snapshot() {
        return new LateRequests(served.get(), refusedDuring.get(), refusedAfter.get());
    }
}
