package dev.flux.shutdown.internal.state;

import java.util.Objects;

/** One live instance of a {@code @Persistent} bean, as checkpoints capture it. */
public final class PersistentInstance {

    private final PersistentType type;
    private final Object target;

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

    @Override
    public String toString() {
        return type.toString();
    }
}
