package dev.flux.shutdown.runtime.state;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One live instance of a {@code @Persistent} bean, with the lock that keeps its checkpoints one at a time: a
 * periodic checkpoint and the final one of PERSISTING never write the same bean at once.
 */
public final class PersistentInstance {

    private final PersistentType type;
    private final Object target;
    private final ReentrantLock writing = new ReentrantLock();
    private boolean lastPeriodicFailed;

    public PersistentInstance(PersistentType type, Object target) {
        this.type = Objects.requireNonNull(type, "type");
        this.target = Objects.requireNonNull(target, "target");
    }

    public PersistentType type() {
        return type;
    }

    /** The contextual instance itself (for Weld or ArC, their generated subclass of the bean class). */
    public Object target() {
        return target;
    }

    ReentrantLock writing() {
        return writing;
    }

    /** Remembers whether the last periodic checkpoint failed, so that a failure is logged once, not every period. */
    boolean periodicFailed(boolean failed) {
        boolean before = lastPeriodicFailed;
        lastPeriodicFailed = failed;
        return before;
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
