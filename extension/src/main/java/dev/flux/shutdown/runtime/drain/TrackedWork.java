package dev.flux.shutdown.runtime.drain;

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

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(TrackedWork.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long startNanos = System.nanoTime();
    InFlightRegistry registry;
    int slot = -1;
    @SuppressWarnings("unused") // accessed through RELEASED
    private volatile boolean released;

    /** What the work is, for the log line when DRAINING times out: e.g. {@code GET /orders/7}. */
    public abstract String describe();

    /** Ends this work's time in flight; only the first call has an effect. */
    public final boolean release() {
        if (!RELEASED.compareAndSet(this, false, true)) {
            return false;
        }
        if (registry != null) {
            registry.exit(this);
        }
        return true;
    }

    @Override
    public final void close() {
        release();
    }

    public final boolean isReleased() {
        return released;
    }
}
