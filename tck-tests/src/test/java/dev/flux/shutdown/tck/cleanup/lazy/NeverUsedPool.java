package dev.flux.shutdown.tck.cleanup.lazy;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Never used by the application: nothing to release, and it must not be created for its cleanup. */
@ApplicationScoped
public class NeverUsedPool {

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
