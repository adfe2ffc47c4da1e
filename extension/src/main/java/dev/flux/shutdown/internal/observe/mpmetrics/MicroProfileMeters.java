package dev.flux.shutdown.internal.observe.mpmetrics;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import dev.flux.shutdown.internal.observe.Meters;

/**
 * The shutdown's meters in the application's MicroProfile Metrics registry (the one injected without qualifier),
 * served by the runtime at {@code /metrics?scope=application}. MicroProfile Metrics has no counter read from a
 * function, so a {@link #total} is a gauge there. Loaded only where the API is on the application's class path.
 */
public final class MicroProfileMeters implements Meters {

    /** The class whose presence says the runtime has MicroProfile Metrics; a constant, so naming it loads nothing. */
    public static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private final MetricRegistry registry;
    /** Every metric registered, removed at {@link #close()}: a server's registry outlives the application. */
    private final Set<MetricID> registered = ConcurrentHashMap.newKeySet();
    /** What gauges read, held here: a registry may keep only a weak reference to it. */
    private final Set<Object> readers = ConcurrentHashMap.newKeySet();

    MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Meters in the application's registry, when the runtime offers one as a bean: selected through
     * {@link RegistryInjection} where the portable extension added it, else directly. A producer may yield
     * {@code null} (a {@code @Dependent} one may): that registry is refused with the reason, not used.
     */
    public static Optional<Meters> fromBeans(Instance<Object> beans) {
        Instance<RegistryInjection> injection = beans.select(RegistryInjection.class);
        // any one of them: a container that also discovers the class as a bean has two alike
        Instance<MetricRegistry> registry = injection.isUnsatisfied() ? beans.select(MetricRegistry.class)
                : injection.iterator().next().registry();
        if (!registry.isResolvable()) {
            return Optional.empty();
        }
        MetricRegistry found = registry.get();
        if (found == null) {
            throw new IllegalStateException("The runtime's MetricRegistry bean produced null for this lookup");
        }
        return Optional.of(new MicroProfileMeters(found));
    }

    @Override
    public String name() {
        return "MicroProfile Metrics (application registry)";
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value) {
        readers.add(value);
        registry.gauge(metadata(name, description, MetricUnits.NONE), value, DoubleSupplier::getAsDouble,
                track(name, tags));
    }

    @Override
    public void total(String name, String description, Map<String, String> tags, LongSupplier value) {
        readers.add(value);
        registry.gauge(metadata(name, description, MetricUnits.NONE), value, LongSupplier::getAsLong,
                track(name, tags));
    }

    @Override
    public void add(String name, String description, Map<String, String> tags, long amount) {
        registry.counter(metadata(name, description, MetricUnits.NONE), track(name, tags)).inc(amount);
    }

    @Override
    public void timer(String name, String description, Map<String, String> tags) {
        registry.timer(metadata(name, description, MetricUnits.NANOSECONDS), track(name, tags));
    }

    @Override
    public void time(String name, String description, Map<String, String> tags, Duration duration) {
        registry.timer(metadata(name, description, MetricUnits.NANOSECONDS), track(name, tags)).update(duration);
    }

    @Override
    public void bytes(String name, String description, Map<String, String> tags, long bytes) {
        registry.histogram(metadata(name, description, MetricUnits.BYTES), track(name, tags)).update(bytes);
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
        readers.clear();
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    private Tag[] track(String name, Map<String, String> tags) {
        Tag[] array = tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toArray(Tag[]::new);
        registered.add(new MetricID(name, array));
        return array;
    }
}
