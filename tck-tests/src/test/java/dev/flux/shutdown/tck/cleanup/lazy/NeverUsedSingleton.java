package dev.flux.shutdown.tck.cleanup.lazy;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;

/** A {@code @Singleton} never injected anywhere: it must not be created for its cleanup. */
@Singleton
public class NeverUsedSingleton {

    public static final AtomicInteger CREATED = new AtomicInteger();
    public static final AtomicInteger CLEANED = new AtomicInteger();

    @PostConstruct
    void start() {
        CREATED.incrementAndGet();
    }

    @Cleanup
    void close() {
        CLEANED.incrementAndGet();
    }
}
