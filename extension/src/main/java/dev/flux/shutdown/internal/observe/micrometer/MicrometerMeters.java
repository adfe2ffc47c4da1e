package dev.flux.shutdown.internal.observe.micrometer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.flux.shutdown.internal.observe.Meters;

/**
 * The shutdown's meters in a Micrometer registry: the application's {@code MeterRegistry} bean where there is one
 * (Quarkus' is the global registry; WildFly and applications that build their own registry offer theirs), else the
 * global registry, to which runtimes add their registries. Loaded only where Micrometer is on the application's class
 * path.
 */
public final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;
    private final String name;
    /** Every meter registered, removed at {@link #close()}. */
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    /** What function counters read, held here: Micrometer keeps only a weak reference to it. */
    private final Set<LongSupplier> readers = ConcurrentHashMap.newKeySet();

    MicrometerMeters(MeterRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** Meters in the one {@code MeterRegistry} bean among {@code beans}, else in {@link Metrics#globalRegistry}. */
    public static Meters fromBeans(Instance<Object> beans) {
        Instance<MeterRegistry> bean = beans.select(MeterRegistry.class);
        if (bean.isResolvable()) {
            MeterRegistry registry = bean.get();
            return new MicrometerMeters(registry, "Micrometer (" + (registry == Metrics.globalRegistry
                    ? "global registry" : "the application's " + registry.getClass().getSimpleName()) + ")");
        }
        return new MicrometerMeters(Metrics.globalRegistry, "Micrometer (global registry)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value) {
        meters.add(Gauge.builder(name, value, DoubleSupplier::getAsDouble).tags(of(tags)).strongReference(true)
                .description(description).register(registry));
    }

    @Override
    public void total(String name, String description, Map<String, String> tags, LongSupplier value) {
        readers.add(value);
        meters.add(FunctionCounter.builder(name, value, LongSupplier::getAsLong).tags(of(tags))
                .description(description).register(registry));
    }

    @Override
    public void add(String name, String description, Map<String, String> tags, long amount) {
        Counter counter = Counter.builder(name).description(description).tags(of(tags)).register(registry);
        meters.add(counter);
        counter.increment(amount);
    }

    @Override
    public void timer(String name, String description, Map<String, String> tags) {
        registered(name, description, tags);
    }

    @Override
    public void time(String name, String description, Map<String, String> tags, Duration duration) {
        registered(name, description, tags).record(duration);
    }

    private Timer registered(String name, String description, Map<String, String> tags) {
        Timer timer = Timer.builder(name).description(description).tags(of(tags)).register(registry);
        meters.add(timer);
        return timer;
    }

    @Override
    public void bytes(String name, String description, Map<String, String> tags, long bytes) {
        DistributionSummary size = DistributionSummary.builder(name).baseUnit("bytes").description(description)
                .tags(of(tags)).register(registry);
        meters.add(size);
        size.record(bytes);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
        readers.clear();
    }

    private static Tags of(Map<String, String> tags) {
        return Tags.of(tags.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList());
    }
}
