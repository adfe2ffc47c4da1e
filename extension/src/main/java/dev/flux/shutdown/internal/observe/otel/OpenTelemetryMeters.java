package dev.flux.shutdown.internal.observe.otel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableLongCounter;

import dev.flux.shutdown.internal.observe.Meters;

/**
 * The shutdown's meters as OpenTelemetry instruments, on the {@code OpenTelemetry} bean that MicroProfile Telemetry
 * runtimes (and Quarkus with {@code quarkus-opentelemetry}) offer; exported wherever the application sends its
 * metrics. Durations are histograms in seconds, sizes in bytes, each with bucket bounds that suit them (an advice
 * the application's views may override; API 1.32 or later). Loaded only where the API is on the application's
 * class path. OpenTelemetry cannot take back an instrument it has recorded to, only stop calling back the observed
 * ones, which {@link #close()} does where the SDK may outlive the application (an application server's); where the
 * application owns the process, its SDK ends with it and exports once more as it does (Quarkus: when its container
 * destroys the {@code OpenTelemetry} bean, after the library's phases), so the observed instruments stay, and that
 * last export shows the phase EXITING and nothing in flight.
 *
 * <p>The bean may not be usable yet when the library assembles itself: Quarkus builds its container, and fires
 * {@code @Initialized(ApplicationScoped.class)}, before it sets its OpenTelemetry SDK up. The instruments asked for
 * until the bean can be had wait, and are created at {@link #start()} (CDI's {@code Startup} event).
 */
public final class OpenTelemetryMeters implements Meters {

    /** The instrumentation scope of every instrument. */
    public static final String SCOPE = "dev.flux.shutdown";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.observe");

    /**
     * Bucket bounds for durations in seconds, from a millisecond to two minutes: the SDK's default bounds (0 to
     * 10000) are meant for milliseconds, and would put every phase of a shutdown in one or two buckets.
     */
    static final List<Double> SECONDS = List.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            10.0, 30.0, 60.0, 120.0);
    /** Bucket bounds for checkpoint sizes: 1 KiB to 1 GiB, each four times the last. */
    static final List<Long> BYTES = List.of(1L << 10, 1L << 12, 1L << 14, 1L << 16, 1L << 18, 1L << 20, 1L << 22,
            1L << 24, 1L << 26, 1L << 28, 1L << 30);

    private final Supplier<OpenTelemetry> openTelemetry;
    /** Whether {@link #close()} leaves the observed instruments for the SDK's last export. */
    private final boolean ownsProcess;
    /** Null until the bean could be had. */
    private Meter meter;
    /** The observed instruments asked for before there was a meter. */
    private final List<Consumer<Meter>> waiting = new ArrayList<>();
    /** How to stop calling back each observed instrument. */
    private final List<Runnable> observed = new CopyOnWriteArrayList<>();
    private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleHistogram> timers = new ConcurrentHashMap<>();
    private final Map<String, LongHistogram> sizes = new ConcurrentHashMap<>();

    OpenTelemetryMeters(Supplier<OpenTelemetry> openTelemetry, boolean ownsProcess) {
        this.openTelemetry = openTelemetry;
        this.ownsProcess = ownsProcess;
        try {
            meter();
        } catch (RuntimeException notYet) {
            // not set up yet (Quarkus' static init): start() tries again
        }
    }

    /**
     * Instruments on the application's {@code OpenTelemetry} bean, when the runtime offers one; for an application
     * that owns the process or not.
     */
    public static Optional<Meters> fromBeans(Instance<Object> beans, boolean ownsProcess) {
        Instance<OpenTelemetry> openTelemetry = beans.select(OpenTelemetry.class);
        return openTelemetry.isResolvable() ? Optional.of(new OpenTelemetryMeters(openTelemetry::get, ownsProcess))
                : Optional.empty();
    }

    @Override
    public String name() {
        return "OpenTelemetry (meter " + SCOPE + ")";
    }

    @Override
    public synchronized void start() {
        try {
            meter();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FLUX-0810 The OpenTelemetry bean cannot be had as the application starts; the"
                    + " shutdown is not shown in its metrics", e);
        }
    }

    @Override
    public void gauge(String name, String description, Map<String, String> tags, DoubleSupplier value) {
        Attributes attributes = attributes(tags);
        whenThereIsAMeter(meter -> {
            ObservableDoubleGauge gauge = meter.gaugeBuilder(name).setDescription(description)
                    .buildWithCallback(measurement -> measurement.record(value.getAsDouble(), attributes));
            observed.add(gauge::close);
        });
    }

    @Override
    public void total(String name, String description, Map<String, String> tags, LongSupplier value) {
        Attributes attributes = attributes(tags);
        whenThereIsAMeter(meter -> {
            ObservableLongCounter counter = meter.counterBuilder(name).setDescription(description)
                    .buildWithCallback(measurement -> measurement.record(value.getAsLong(), attributes));
            observed.add(counter::close);
        });
    }

    @Override
    public void add(String name, String description, Map<String, String> tags, long amount) {
        counters.computeIfAbsent(name, n -> meter().counterBuilder(n).setDescription(description).build())
                .add(amount, attributes(tags));
    }

    /** An OpenTelemetry histogram exports only what it recorded: creating it is all there is to register. */
    @Override
    public void timer(String name, String description, Map<String, String> tags) {
        try {
            histogram(name, description);
        } catch (RuntimeException noMeterYet) {
            // FLUX-0810 said why; the first time() tries again
        }
    }

    @Override
    public void time(String name, String description, Map<String, String> tags, Duration duration) {
        histogram(name, description).record(duration.toNanos() / 1e9, attributes(tags));
    }

    private DoubleHistogram histogram(String name, String description) {
        return timers.computeIfAbsent(name, n -> meter().histogramBuilder(n).setDescription(description)
                .setUnit("s").setExplicitBucketBoundariesAdvice(SECONDS).build());
    }

    @Override
    public void bytes(String name, String description, Map<String, String> tags, long bytes) {
        sizes.computeIfAbsent(name, n -> meter().histogramBuilder(n).setDescription(description).setUnit("By")
                .ofLongs().setExplicitBucketBoundariesAdvice(BYTES).build()).record(bytes, attributes(tags));
    }

    @Override
    public synchronized void close() {
        waiting.clear();
        if (ownsProcess) {
            return;
        }
        observed.forEach(Runnable::run);
        observed.clear();
    }

    /** Creates the instrument now if there is a meter, else when there is one. */
    private synchronized void whenThereIsAMeter(Consumer<Meter> create) {
        if (meter == null) {
            waiting.add(create);
        } else {
            create.accept(meter);
        }
    }

    /** The meter, getting it from the bean the first time it can be had; throws while it cannot. */
    private synchronized Meter meter() {
        if (meter == null) {
            meter = openTelemetry.get().getMeter(SCOPE);
            waiting.forEach(create -> create.accept(meter));
            waiting.clear();
        }
        return meter;
    }

    private static Attributes attributes(Map<String, String> tags) {
        AttributesBuilder attributes = Attributes.builder();
        tags.forEach(attributes::put);
        return attributes.build();
    }
}
