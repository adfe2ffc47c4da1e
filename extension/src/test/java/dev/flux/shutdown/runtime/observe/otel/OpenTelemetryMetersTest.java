package dev.flux.shutdown.runtime.observe.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.runtime.drain.InFlightRegistry;
import dev.flux.shutdown.runtime.observe.MetricsObserver;

/**
 * The shutdown's meters on a real OpenTelemetry SDK, read back with its in-memory reader: instruments asked for
 * before the runtime's {@code OpenTelemetry} can be had (Quarkus sets it up after its container has started) are
 * created when the application starts; closing keeps the observed ones where the application owns the process, for
 * the SDK's last export, and removes them where it does not.
 */
class OpenTelemetryMetersTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Test
    void instrumentsAskedForBeforeTheBeanCanBeHadAreCreatedWhenTheApplicationStarts() {
        AtomicBoolean setUp = new AtomicBoolean();
        Supplier<OpenTelemetry> bean = () -> {
            if (!setUp.get()) {
                throw new IllegalStateException("not initialized yet (as Quarkus' synthetic bean at static init)");
            }
            return sdk;
        };
        MetricsObserver observer = new MetricsObserver(new OpenTelemetryMeters(bean, true), "orders");
        observer.watch(new InFlightRegistry());
        assertThat(reader.collectAllMetrics()).isEmpty();

        setUp.set(true);
        observer.applicationStarted();

        assertThat(names(reader.collectAllMetrics())).contains("flux.shutdown.phase", "flux.shutdown.in.flight",
                "flux.shutdown.late.requests");
        MetricData inFlight = metric("flux.shutdown.in.flight");
        assertThat(inFlight.getDoubleGaugeData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getValue()).isZero();
            assertThat(point.getAttributes().asMap()).hasSize(1)
                    .containsValue("orders");
        });
    }

    @Test
    void durationsAreHistogramsInSecondsTaggedWithThePhase() {
        MetricsObserver observer = new MetricsObserver(new OpenTelemetryMeters(() -> sdk, true), "orders");
        observer.phaseStarted(ShutdownPhase.DRAINING, ShutdownCause.signal("TERM"));
        observer.phaseEnded(ShutdownCause.signal("TERM"),
                new PhaseReport(ShutdownPhase.DRAINING, Duration.ofMillis(1500), true, "drained", List.of()));

        MetricData duration = metric("flux.shutdown.phase.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getHistogramData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getSum()).isEqualTo(1.5);
            assertThat(point.getCount()).isEqualTo(1);
            assertThat(point.getAttributes().asMap().values()).containsExactlyInAnyOrder("orders", "DRAINING", "ok");
            assertThat(point.getBoundaries()).isEqualTo(OpenTelemetryMeters.SECONDS);
        });
        assertThat(metric("flux.shutdown.phase").getDoubleGaugeData().getPoints()).singleElement()
                .satisfies(point -> assertThat(point.getValue()).isEqualTo(2.0));
    }

    @Test
    void sizesAreHistogramsInBytes() {
        new OpenTelemetryMeters(() -> sdk, true).bytes("flux.shutdown.checkpoint.size", "size", Map.of("app", "orders",
                "kind", "final"), 5000);

        MetricData size = metric("flux.shutdown.checkpoint.size");
        assertThat(size.getUnit()).isEqualTo("By");
        assertThat(size.getHistogramData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getSum()).isEqualTo(5000.0);
            assertThat(point.getBoundaries()).hasSize(OpenTelemetryMeters.BYTES.size()).startsWith(1024.0);
        });
    }

    @Test
    void closingKeepsTheGaugesForTheLastExportOnlyWhereTheApplicationOwnsTheProcess() {
        MetricsObserver owner = new MetricsObserver(new OpenTelemetryMeters(() -> sdk, true), "owner");
        MetricsObserver tenant = new MetricsObserver(new OpenTelemetryMeters(() -> sdk, false), "tenant");
        owner.phaseStarted(ShutdownPhase.EXITING, ShutdownCause.signal("TERM"));

        owner.close();
        tenant.close();

        assertThat(metric("flux.shutdown.phase").getDoubleGaugeData().getPoints()).singleElement()
                .satisfies(point -> {
                    assertThat(point.getAttributes().asMap()).containsValue("owner");
                    assertThat(point.getValue()).isEqualTo(5.0);
                });
    }

    private MetricData metric(String name) {
        List<MetricData> all = List.copyOf(reader.collectAllMetrics());
        return all.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + names(all)));
    }

    private static List<String> names(Collection<MetricData> metrics) {
        return metrics.stream().map(MetricData::getName).toList();
    }
}
