package dev.flux.shutdown.servers.app;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.flux.shutdown.Cleanup;

/**
 * The resources the application releases at shutdown, as {@code @Cleanup} methods in {@code @Priority} order. The
 * second one reads the application's own {@code app.marker} from MicroProfile Config at that moment, on whatever
 * thread the library runs it, as real cleanup code would; the last one takes {@code app.slow-cleanup} (default
 * {@code 0s}) to end, for the test of a cleanup longer than the whole shutdown bound.
 */
@ApplicationScoped
public class Resources {

    @Inject
    EventLog events;

    @Inject
    @ConfigProperty(name = "app.slow-cleanup", defaultValue = "0")
    long slowCleanupMillis;

    /** Called at startup so that the bean exists: the library never creates a bean only to clean it up. */
    public void open() {
        events.record("resources-open");
    }

    @Cleanup
    @Priority(10)
    void closeConnections() {
        events.record("cleanup-10 connections");
    }

    @Cleanup
    @Priority(20)
    void flushWithConfig() {
        String marker;
        try {
            marker = ConfigProvider.getConfig().getValue("app.marker", String.class);
        } catch (RuntimeException e) {
            marker = "failed: " + e;
        }
        events.record("cleanup-20 app.marker=" + marker);
    }

    @Cleanup
    @Priority(30)
    void stopScheduler() throws InterruptedException {
        if (slowCleanupMillis > 0) {
            events.record("cleanup-30 slow " + Duration.ofMillis(slowCleanupMillis));
            Thread.sleep(slowCleanupMillis);
        }
        events.record("cleanup-30 scheduler");
    }
}
