package dev.flux.shutdown.internal.drain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the work in flight and lets DRAINING wait, without polling, until it reaches zero.
 *
 * <p>Two paths count work. The fast one, for every request while the service runs, occupies a slot of the calling
 * thread's region ({@link WorkSlots}): no shared cache line is written. The exact one is a single atomic word that
 * holds the count of the other work together with the gate (open, draining, closed); it takes the work that arrives
 * once DRAINING has started, and the rare work that finds its region full. When DRAINING starts, the drainer seals
 * every empty slot, and each of the others as its work leaves; once all are sealed, nothing is in flight outside the word,
 * and "zero in flight" and "no more admissions" happen in one step on it: no work can slip in between the last
 * release and the end of DRAINING.
 *
 * <p>The handshake: a release empties its slot, then reads the gate; the drainer sets the gate, then reads the
 * slots. Both are volatile, so at least one sees the other: the drainer finds the slot empty, or the release sees
 * DRAINING and wakes the drainer to look again.
 *
 * <p>With a quiet period, "zero in flight" is not enough: DRAINING also waits until no request has arrived for that
 * long (a proxy may still route here). Only requests count as arrivals, served late or refused, and the request filter
 * stamps them ({@link #requestArrived}); {@code @InFlight} calls and tickets admitted late are awaited like any work,
 * but say nothing of a proxy, so they do not start the quiet period again. The stamp is a running maximum: two
 * arrivals may write their clocks out of order. A late request is stamped while it is counted, so the release that
 * lets the drainer see zero comes after the stamp, and the drainer that sees zero sees the stamp too. The fast path
 * reads no clock.
 *
 * <p>An interrupt of the drainer (a server abandoning a shutdown that outlived its bound) ends the wait as a timeout
 * would, at once: a parked thread with its interrupt status set would return from every park without waiting. The
 * status is left set, so that the phases after DRAINING see it too.
 */
public final class InFlightRegistry {

    private static final long DRAINING = 1L << 62;
    private static final long CLOSED = 1L << 61;
    private static final long COUNT = CLOSED - 1;

    /** The gate and the count of the work outside slots. */
    private final AtomicLong state = new AtomicLong();
    private final WorkSlots slots = new WorkSlots(WorkSlots.regionsFor(Runtime.getRuntime().availableProcessors()));
    /** The work counted outside slots, with the time it entered. */
    private final Map<TrackedWork, Long> unslotted = new ConcurrentHashMap<>();
    private final LateRequestCounter lateRequests = new LateRequestCounter();
    private volatile Thread drainer;
    private volatile long lastReleaseNanos;
    /** When the last request arrived during DRAINING ({@link System#nanoTime()}); only ever moves forward. */
    private final AtomicLong lastArrivalNanos = new AtomicLong();

    /** Counts {@code work} as in flight, unless DRAINING has ended. */
    public boolean enter(TrackedWork work) {
        return admit(work) != Admission.REFUSED;
    }

    /** How {@link #admit} took a piece of work. */
    enum Admission {
        /** Counted, while the service runs. */
        ADMITTED,
        /** Counted, but DRAINING had started: a late arrival. */
        LATE,
        /** Not counted: DRAINING has ended. */
        REFUSED
    }

    /**
     * Counts {@code work} as in flight, unless DRAINING has ended, and says whether it came late. A late request is
     * also an arrival, which its caller records ({@link #requestArrived}).
     */
    Admission admit(TrackedWork work) {
        if ((state.get() & DRAINING) == 0) {
            int slot = slots.occupy(work);
            if (slot >= 0) {
                work.countedBy(this, slot);
                return Admission.ADMITTED;
            }
        }
        return enterExactly(work);
    }

    private Admission enterExactly(TrackedWork work) {
        long s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return Admission.REFUSED;
            }
        } while (!state.compareAndSet(s, s + 1));
        long now = System.nanoTime();
        work.countedBy(this, -1);
        unslotted.put(work, now);
        return (s & DRAINING) == 0 ? Admission.ADMITTED : Admission.LATE;
    }

    /** A request arrived during DRAINING, served or refused: the quiet period starts again from now. */
    void requestArrived() {
        arrived(System.nanoTime());
    }

    /** Records an arrival at {@code nanos} ({@link System#nanoTime()}), unless a later one is recorded already. */
    void arrived(long nanos) {
        lastArrivalNanos.accumulateAndGet(nanos, InFlightRegistry::later);
    }

    private static long later(long a, long b) {
        return b - a > 0 ? b : a; // nanoTime values compare by their difference only
    }

    /** Stops counting {@code work}, counted in {@code slot} (-1: outside slots); {@code false} if released already. */
    boolean exit(TrackedWork work, int slot) {
        if (slot >= 0) {
            if (!slots.vacate(slot, work)) {
                return false;
            }
        } else {
            if (unslotted.remove(work) == null) {
                return false;
            }
            state.decrementAndGet();
        }
        if ((state.get() & DRAINING) != 0) {
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

    /** The requests that arrived once DRAINING had started, counted by the request filter. */
    public LateRequestCounter lateRequests() {
        return lateRequests;
    }

    /** The work in flight: exact when nothing enters or leaves meanwhile, as the readiness data needs. */
    public int inFlight() {
        return (int) (state.get() & COUNT) + slots.occupied();
    }

    /**
     * Waits until nothing is in flight or {@code timeout} passes, or the calling thread is interrupted, then closes
     * the gate. Call once, from the shutdown thread.
     */
    public DrainOutcome drain(Duration timeout) {
        return drain(timeout, Duration.ZERO);
    }

    /**
     * Waits until nothing is in flight and no request has arrived for {@code quietPeriod} (counted from the start of
     * DRAINING at the earliest), or until {@code timeout} passes or the calling thread is interrupted (its interrupt
     * status stays set); then closes the gate. Call once, from the shutdown thread.
     */
    public DrainOutcome drain(Duration timeout, Duration quietPeriod) {
        long start = System.nanoTime();
        lastReleaseNanos = start - 1; // releases while DRAINING stamp it; this one means "none"
        lastArrivalNanos.set(start); // before DRAINING is set, hence before any arrival is stamped
        drainer = Thread.currentThread();
        try {
            state.getAndUpdate(s -> s | DRAINING);
            return awaitZero(slots.sealEmpty(), start, start + timeout.toNanos(), quietPeriod.toNanos());
        } finally {
            drainer = null; // releases after the end must not wake the shutdown thread in later phases
        }
    }

    private DrainOutcome awaitZero(WorkSlots.Unsealed unsealed, long start, long deadline, long quietNanos) {
        while (true) {
            long wakeAt = deadline;
            if (unsealed.sealEmpty()) {
                long s = state.get();
                if ((s & COUNT) == 0) {
                    long quietUntil = lastArrivalNanos.get() + quietNanos;
                    long now = System.nanoTime();
                    boolean quiet = now - quietUntil >= 0;
                    if (quiet || now - deadline >= 0) {
                        if (state.compareAndSet(s, s | CLOSED)) {
                            return drained(start, quiet);
                        }
                        continue; // something entered meanwhile: look again
                    }
                    wakeAt = quietUntil - deadline < 0 ? quietUntil : deadline;
                }
            }
            long remaining = deadline - System.nanoTime();
            boolean interrupted = Thread.currentThread().isInterrupted(); // read, not cleared
            if (remaining <= 0 || interrupted) {
                state.getAndUpdate(s -> s | CLOSED);
                unsealed.sealEmpty(); // late arrivals that read the gate before DRAINING now find it closed too
                List<String> stillRunning = stillRunning(start);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                return remaining <= 0 ? DrainOutcome.timedOut(waited, stillRunning.size(), stillRunning)
                        : DrainOutcome.interrupted(waited, stillRunning.size(), stillRunning);
            }
            LockSupport.parkNanos(this, Math.min(remaining, wakeAt - System.nanoTime()));
        }
    }

    private DrainOutcome drained(long start, boolean quiet) {
        long end = System.nanoTime();
        long lastRelease = lastReleaseNanos;
        Duration latency = lastRelease - start >= 0 ? Duration.ofNanos(end - lastRelease) : Duration.ZERO;
        return DrainOutcome.drained(Duration.ofNanos(end - start), latency, quiet);
    }

    /**
     * One line per piece of work in flight, oldest first. Work counted in a slot entered before DRAINING started,
     * so its age is at least the time since then; work counted outside slots knows when it entered.
     */
    private List<String> stillRunning(long drainStart) {
        long now = System.nanoTime();
        long sinceDraining = Duration.ofNanos(now - drainStart).toMillis();
        List<String> lines = new ArrayList<>();
        for (TrackedWork work : slots.holders()) {
            lines.add(work.describe() + " (running for at least " + sinceDraining + " ms: since before DRAINING)");
        }
        unslotted.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(w -> w.getKey().describe() + " (running for " + Duration.ofNanos(now - w.getValue()).toMillis()
                        + " ms)")
                .forEach(lines::add);
        return lines;
    }
}
