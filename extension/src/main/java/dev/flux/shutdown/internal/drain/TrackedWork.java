package dev.flux.shutdown.internal.drain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import dev.flux.shutdown.InFlightTracker;

/**
 * One unit of in-flight work: a request, a call or a ticket. It is the per-request guard that makes release
 * happen exactly once, whichever of the competing paths (response filter, entity writer, callbacks) gets there
 * first.
 */
public abstract class TrackedWork implements InFlightTracker.Ticket {

    private static final VarHandle RELEASED;
    private static final VarHandle REGISTRY;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RELEASED = lookup.findVarHandle(TrackedWork.class, "released", boolean.class);
            REGISTRY = lookup.findVarHandle(TrackedWork.class, "registry", InFlightRegistry.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through REGISTRY: set, with release semantics, after slot
    private InFlightRegistry registry;
    /** The slot that counts this work, or -1 when the registry's exact path counts it. */
    private int slot;
    @SuppressWarnings("unused") // accessed through RELEASED: the guard of work that was never counted
    private volatile boolean released;

    /** What the work is, for the log line when DRAINING times out: e.g. {@code GET /orders/7}. */
    public abstract String describe();

    /** Ends this work's time in flight; only the first call has an effect. */
    public final boolean release() {
        InFlightRegistry counted = (InFlightRegistry) REGISTRY.getAcquire(this);
        if (counted != null) {
            // leaving its slot (or the exact path's set) succeeds once: that is the guard of counted work
            return counted.exit(this, slot);
        }
        return RELEASED.compareAndSet(this, false, true);
    }

    @Override
    public final void close() {
        release();
    }

    /** Marks this work as counted by {@code counted}, in {@code slot} or (-1) by its exact path. */
    final void countedBy(InFlightRegistry counted, int slot) {
        this.slot = slot;
        REGISTRY.setRelease(this, counted);
    }
}
