package dev.flux.shutdown.internal.drain.longlived;

/**
 * What every handle of a long-lived response shares: its kind, and the identity of the runtime's object it ends (the
 * event sink, the suspended response, the session). Equal to every other handle of the same object, so that one
 * registered twice is ended once, and its close can forget it.
 *
 * @param <T> the runtime's object
 */
public abstract class LongLivedHandle<T> implements LongLived {

    private final Kind kind;
    private final T target;

    protected LongLivedHandle(Kind kind, T target) {
        this.kind = kind;
        this.target = target;
    }

    @Override
    public final Kind kind() {
        return kind;
    }

    /** The runtime's object this handle ends. */
    protected final T target() {
        return target;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((LongLivedHandle<?>) other).target == target;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(target);
    }
}
