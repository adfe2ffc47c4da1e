package dev.flux.shutdown.tck.cleanup.late;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/**
 * The user's audit trail: never touched while the application runs, first created by the cleanups of priority 10
 * and 20 that write to it, and flushed by its own cleanup at priority 30.
 */
@ApplicationScoped
public class AuditTrail {

    public static final AtomicInteger CREATED = new AtomicInteger();

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Inject
    CleanupLog log;

    @PostConstruct
    void start() {
        CREATED.incrementAndGet();
    }

    public void write(String line) {
        lines.add(line);
    }

    @Cleanup
    @Priority(30)
    void flush() {
        log.record("auditTrail.flush " + lines);
    }
}
