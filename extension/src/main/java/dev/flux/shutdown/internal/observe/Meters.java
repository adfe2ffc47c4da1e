package dev.flux.shutdown.internal.observe;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One metrics library, as the shutdown's meters need it. {@link MetricsObserver} decides what is measured, with which
 * names and tags, once; each implementation only speaks its library (Micrometer, MicroProfile Metrics,
 * OpenTelemetry), so the three show the same meters.
 */
public interface Meters {

    /** Where the meters go, for the start-up line: {@code Micrometer (global registry)}. */
    String name();

    /** A value the library reads when it collects (the work in flight, the phase). */
    void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value);

    /** A total the library reads when it collects, which only grows (late requests). */
    void total(String name, String description, Map<String, String> tags, LongSupplier value);

    /** Adds {@code amount} to a counter. */
    void add(String name, String description, Map<String, String> tags, long amount);

    /**
     * Registers a timer with nothing recorded: it is there, at zero, before the first shutdown (for dashboards), and
     * recording into it then costs the shutdown no registration.
     */
    void timer(String name, String description, Map<String, String> tags);

    /** Records one duration. */
    void time(String name, String description, Map<String, String> tags, Duration duration);

    /** Records one size in bytes. */
    void bytes(String name, String description, Map<String, String> tags, long bytes);

    /**
     * The application has started (CDI's {@code Startup} event): a library whose registry could not be had while the
     * container was being built (Quarkus' OpenTelemetry SDK) creates the meters asked for until now.
     */
    default void start() {
    }

    /**
     * Takes every meter out of the library where it can: registries outlive the application (a global one, or the
     * server's in an application server).
     */
    void close();
}
