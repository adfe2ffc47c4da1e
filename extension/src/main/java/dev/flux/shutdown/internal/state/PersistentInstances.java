package dev.flux.shutdown.internal.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@code @Persistent} instances that exist now: registered when created, forgotten when destroyed. */
public final class PersistentInstances {

    private final List<PersistentInstance> instances = new CopyOnWriteArrayList<>();

    public PersistentInstance register(PersistentType type, Object target) {
        PersistentInstance instance = new PersistentInstance(type, target);
        instances.add(instance);
        return instance;
    }

    /** Forgets {@code target} (compared by identity), so that no checkpoint reads a destroyed instance. */
    public void forget(Object target) {
        instances.removeIf(instance -> instance.target() == target);
    }

    /** The instances in the order they were created. */
    public List<PersistentInstance> all() {
        return List.copyOf(instances);
    }
}
