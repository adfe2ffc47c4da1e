package dev.flux.shutdown.internal.cdi;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers in which order the instances of beans with cleanups finished their creation, by identity (the instance
 * a context holds may be a generated subclass of the bean class, and a bean may define {@code equals}). Only
 * {@code @ApplicationScoped} and {@code @Singleton} beans are recorded, so the entries live as long as the
 * application anyway.
 */
@ApplicationScoped
public class CreationOrder {

    private final Map<Object, Long> ranks = new IdentityHashMap<>();
    private long next;

    /** Records that {@code instance} has just been created: it ranks after every instance recorded before. */
    public synchronized void created(Object instance) {
        ranks.putIfAbsent(instance, next++);
    }

    /** The rank of {@code instance}'s creation (later is greater), or empty if it was not recorded. */
    public synchronized OptionalLong rankOf(Object instance) {
        Long rank = ranks.get(instance);
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank);
    }
}
