package dev.flux.shutdown.runtime.drain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the work in flight and lets DRAINING wait, without polling, until it reaches zero. The count and the
 * gate (open, draining, closed) share one atomic word, so that "zero in flight" and "no more admissions" happen
 * in one step: no request can slip in between the last release and the end of DRAINING.
 */
public final class InFlightRegistry {

    private static final long DRAINING = 1L << 62;
    private static final long CLOSED = 1L << 61;
    private static final long COUNT = CLOSED - 1;

    private final AtomicLong state = new AtomicLong();
    private final LiveWork live = new LiveWork();
    private volatile Thread drainer;
    private volatile long lastReleaseNanos;

    /** Counts {@code work} as in flight, unless DRAINING has ended. */
    public boolean enter(TrackedWork work) {
        long s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
        } while (!state.compareAndSet(s, s + 1));
        live.add(work);
        work.countedBy(this);
        return true;
    }

    /** Stops counting {@code work}; {@code false} if it had been released already. */
    boolean exit(TrackedWork work) {
        if (!live.remove(work)) {
            return false;
        }
        long s = state.decrementAndGet();
        if ((s & COUNT) == 0 && (s & DRAINING) != 0) {
            lastReleaseNanos = System.nanoTime();
            LockSupport.unpark(drainer);
        }
        return true;
    }

    /** Whether DRAINING has started (it may have ended too). */
    public boolean isDraining() {
        return (state.get() & DRAINING) != 0;
    }

    /** Whether DRAINING has ended: new work is no longer admitted. */
    public boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    public int inFlight() {
        return (int) (state.get() & COUNT);
    }

    /**
     * Waits until nothing is in flight or {@code timeout} passes, then closes the gate. Call once, from the
     * shutdown thread.
     */
    public DrainOutcome drain(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        drainer = Thread.currentThread();
        state.getAndUpdate(s -> s | DRAINING);
        while (true) {
            long s = state.get();
            if ((s & COUNT) == 0 && state.compareAndSet(s, s | CLOSED)) {
                long end = System.nanoTime();
                long lastRelease = lastReleaseNanos;
                Duration latency = lastRelease >= start ? Duration.ofNanos(end - lastRelease) : Duration.ZERO;
                return DrainOutcome.drained(Duration.ofNanos(end - start), latency);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                state.getAndUpdate(x -> x | CLOSED);
                long now = System.nanoTime();
                List<String> stillRunning = live.snapshot().stream()
                        .sorted(Comparator.comparingLong(w -> w.startNanos))
                        .map(w -> w.describe() + " (running for " + Duration.ofNanos(now - w.startNanos).toMillis()
                                + " ms)")
                        .toList();
                return DrainOutcome.timedOut(Duration.ofNanos(now - start), inFlight(), stillRunning);
            }
            LockSupport.parkNanos(this, remaining);
        }
    }
}
