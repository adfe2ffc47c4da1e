package dev.flux.shutdown.tck.cleanup.once;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;

/** Counts its cleanups. */
@Singleton
public class CountedResource {

    private final AtomicInteger cleanups = new AtomicInteger();

    @Cleanup
    void release() {
        cleanups.incrementAndGet();
    }

    public int cleanups() {
        return cleanups.get();
    }
}
