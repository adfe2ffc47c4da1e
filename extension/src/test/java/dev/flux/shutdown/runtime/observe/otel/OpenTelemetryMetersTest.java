package dev.flux.shutdown.runtime.observe.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
import dev.flux.shutdown.runtime.drain.DescribedWork;
import dev.flux.shutdown.runtime.drain.InFlightRegistry;
import dev.flux.shutdown.runtime.observe.MetricsObserver;

/** The shutdown's meters as instruments of a real OpenTelemetry SDK, collected as an exporter would. */
class OpenTelemetryMetersTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
    private final InFlightRegistry work = new InFlightRegistry();
    private final MetricsObserver observer = new MetricsObserver(new OpenTelemetryMeters(sdk), "orders");

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
