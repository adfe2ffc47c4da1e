package dev.flux.shutdown.internal.observe.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.drain.DescribedWork;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.observe.MetricsObserver;

/**
 * The shutdown's meters as instruments of a real OpenTelemetry SDK, collected as an exporter would: live gauges,
 * histograms in seconds and bytes with bounds that suit them; instruments asked for before the runtime's
 * {@code OpenTelemetry} can be had (Quarkus sets it up after its container has started) are created when the
 * application starts; closing removes the observed ones, but keeps them for the SDK's last export where the
 * application owns the process.
 */
class OpenTelemetryMetersTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
    private final InFlightRegistry work = new InFlightRegistry();
    /** An application in a server: its SDK may outlive it. */
    private final MetricsObserver observer = new MetricsObserver(new OpenTelemetryMeters(() -> sdk, false), "orders");

    @AfterEach
    void closeSdk() {
        sdk.close();
    }

    @Test
    void gaugesAreObservedLiveWithTheApplicationAttribute() {
        observer.watch(work);
        DescribedWork request = new DescribedWork("request");
        work.enter(request);
        observer.phaseStarted(ShutdownPhase.DRAINING, ShutdownCause.programmatic("test"));

        Collection<MetricData> collected = reader.collectAllMetrics();
        assertThat(gauge(collected, "flux.shutdown.in.flight")).isEqualTo(1);
        assertThat(gauge(collected, "flux.shutdown.phase")).isEqualTo(2);
        MetricData late = metric(collected, "flux.shutdown.late.requests").orElseThrow();
        assertThat(late.getLongSumData().isMonotonic()).isTrue();
        assertThat(late.getLongSumData().getPoints()).extracting(p -> p.getAttributes()
                .get(AttributeKey.stringKey("outcome"))).containsExactlyInAnyOrder("served", "refused");

        request.release();
        assertThat(gauge(reader.collectAllMetrics(), "flux.shutdown.in.flight")).isZero();
    }

    @Test
    void phaseDurationsAreHistogramsInSeconds() {
        observer.phaseEnded(ShutdownCause.programmatic("test"),
                new PhaseReport(ShutdownPhase.DRAINING, Duration.ofMillis(1500), true, "", List.of()));

        MetricData duration = metric(reader.collectAllMetrics(), "flux.shutdown.phase.duration").orElseThrow();
        assertThat(duration.getUnit()).isEqualTo("s");
        HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
        assertThat(point.getSum()).isEqualTo(1.5);
        assertThat(point.getAttributes()).isEqualTo(Attributes.builder().put("app", "orders")
                .put("phase", "DRAINING").put("outcome", "ok").build());
        assertThat(point.getBoundaries()).isEqualTo(OpenTelemetryMeters.SECONDS);
    }

    @Test
    void sizesAreHistogramsInBytes() {
        new OpenTelemetryMeters(() -> sdk, true).bytes("flux.shutdown.checkpoint.size", "size",
                Map.of("app", "orders", "kind", "final"), 5000);

        MetricData size = metric(reader.collectAllMetrics(), "flux.shutdown.checkpoint.size").orElseThrow();
        assertThat(size.getUnit()).isEqualTo("By");
        HistogramPointData point = size.getHistogramData().getPoints().iterator().next();
        assertThat(point.getSum()).isEqualTo(5000.0);
        assertThat(point.getBoundaries()).hasSize(OpenTelemetryMeters.BYTES.size()).startsWith(1024.0);
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
        MetricsObserver early = new MetricsObserver(new OpenTelemetryMeters(bean, true), "orders");
        early.watch(work);
        assertThat(metric(reader.collectAllMetrics(), "flux.shutdown.in.flight")).isEmpty();

        setUp.set(true);
        early.applicationStarted();

        Collection<MetricData> collected = reader.collectAllMetrics();
        assertThat(gauge(collected, "flux.shutdown.in.flight")).isZero();
        assertThat(gauge(collected, "flux.shutdown.phase")).isZero();
        assertThat(metric(collected, "flux.shutdown.late.requests")).isPresent();
    }

    @Test
    void closingKeepsTheGaugesForTheLastExportWhereTheApplicationOwnsTheProcess() {
        MetricsObserver owner = new MetricsObserver(new OpenTelemetryMeters(() -> sdk, true), "orders");
        owner.watch(work);
        owner.phaseStarted(ShutdownPhase.EXITING, ShutdownCause.programmatic("test"));

        owner.close();

        Collection<MetricData> after = reader.collectAllMetrics();
        assertThat(gauge(after, "flux.shutdown.phase")).isEqualTo(5);
        assertThat(gauge(after, "flux.shutdown.in.flight")).isZero();
    }

    @Test
    void observedInstrumentsStopAtClose() {
        observer.watch(work);
        assertThat(metric(reader.collectAllMetrics(), "flux.shutdown.in.flight")).isPresent();

        observer.close();

        Collection<MetricData> after = reader.collectAllMetrics();
        assertThat(metric(after, "flux.shutdown.in.flight")).isEmpty();
        assertThat(metric(after, "flux.shutdown.phase")).isEmpty();
    }

    private static Optional<MetricData> metric(Collection<MetricData> collected, String name) {
        return collected.stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    private static double gauge(Collection<MetricData> collected, String name) {
        MetricData gauge = metric(collected, name).orElseThrow();
        assertThat(gauge.getInstrumentationScopeInfo().getName()).isEqualTo(OpenTelemetryMeters.SCOPE);
        return gauge.getDoubleGaugeData().getPoints().stream()
                .filter(p -> "orders".equals(p.getAttributes().get(AttributeKey.stringKey("app"))))
                .findFirst().orElseThrow().getValue();
    }
}
