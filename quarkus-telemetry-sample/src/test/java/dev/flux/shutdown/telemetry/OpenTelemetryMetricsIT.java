package dev.flux.shutdown.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.testsupport.OtlpMetricsReceiver;
import dev.flux.shutdown.testsupport.OtlpMetricsReceiver.DataPoint;
import dev.flux.shutdown.testsupport.OtlpMetricsReceiver.Kind;

/**
 * The library's meters exported by Quarkus' OpenTelemetry SDK over OTLP/HTTP (protobuf) every 200 ms to a receiver
 * of the test's own, from the packaged service as a real process: the in-flight gauge live, then during the drain
 * of a SIGTERM the phase gauge at DRAINING and the in-flight gauge falling to zero, the phases' durations, and the
 * SDK's last export, made when Quarkus destroys it after the library's phases, showing EXITING.
 */
class OpenTelemetryMetricsIT {

    private static final String IN_FLIGHT = "flux.shutdown.in.flight";
    private static final String PHASE = "flux.shutdown.phase";
    private static final String PHASE_DURATION = "flux.shutdown.phase.duration";
    private static final Map<String, String> APP = Map.of("app", "application");

    @Test
    void inFlightAndPhaseAreExportedDuringTheDrain() throws Exception {
        try (OtlpMetricsReceiver receiver = OtlpMetricsReceiver.start();
                TelemetrySampleProcess sample = TelemetrySampleProcess.start(Map.of(
                        "quarkus.otel.exporter.otlp.metrics.endpoint", receiver.endpoint()))) {
            await().atMost(TelemetrySampleProcess.TIMEOUT).untilAsserted(() -> assertThat(
                    receiver.points(PHASE, APP)).as("refused: %s", receiver.refused()).isNotEmpty());
            assertThat(last(receiver, IN_FLIGHT)).hasValue(0.0);
            assertThat(last(receiver, PHASE)).hasValue(0.0);

            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int ms : new int[] {1500, 3000, 4500}) {
                slow.add(sample.getAsync("/slow?ms=" + ms));
            }
            sample.process().awaitLines(line -> line.contains("telemetry-sample: started slow"), 3);
            int started = receiver.exports();
            await().atMost(TelemetrySampleProcess.TIMEOUT).until(() -> receiver.points(IN_FLIGHT, APP).stream()
                    .anyMatch(p -> p.export() > started && p.value() == 3.0));

            int signalled = receiver.exports();
            sample.process().signal("TERM");
            for (CompletableFuture<HttpResponse<String>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(sample.process().awaitExit()).as(sample.process().outputText()).isZero();

            // export number -> [phase, in flight], from the SIGTERM on
            Map<Integer, double[]> gauges = new TreeMap<>();
            receiver.points(PHASE, APP).stream().filter(p -> p.export() > signalled)
                    .forEach(p -> gauges.computeIfAbsent(p.export(), e -> new double[] {-1, -1})[0] = p.value());
            receiver.points(IN_FLIGHT, APP).stream().filter(p -> p.export() > signalled)
                    .forEach(p -> gauges.computeIfAbsent(p.export(), e -> new double[] {-1, -1})[1] = p.value());
            String seen = describe(gauges);
            List<Double> draining = gauges.values().stream().filter(g -> g[0] == 2.0).map(g -> g[1]).toList();
            assertThat(draining).as(seen).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(draining.get(0)).as(seen).isGreaterThan(0.0);
            assertThat(gauges.values()).as(seen).anyMatch(g -> g[0] >= 2.0 && g[1] == 0.0);

            DataPoint drained = receiver.points(PHASE_DURATION, Map.of("app", "application", "phase", "DRAINING",
                    "outcome", "ok")).stream().reduce((a, b) -> b).orElseThrow(() -> new AssertionError(
                            "no DRAINING duration exported: " + receiver.points()));
            assertThat(drained.kind()).isEqualTo(Kind.HISTOGRAM);
            assertThat(drained.unit()).isEqualTo("s");
            assertThat(drained.count()).isEqualTo(1);
            assertThat(drained.value()).as("seconds").isBetween(1.0, 30.0);
            assertThat(drained.scope()).isEqualTo("dev.flux.shutdown");

            // the SDK's last export, when Quarkus destroys it: after every phase of the library
            int lastExport = receiver.exports();
            assertThat(receiver.points(p -> p.export() == lastExport && p.metric().equals(PHASE)))
                    .as(seen).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(5.0));
            assertThat(receiver.points(p -> p.export() == lastExport && p.metric().equals(IN_FLIGHT)))
                    .singleElement().satisfies(p -> assertThat(p.value()).isZero());
            assertThat(receiver.points(p -> p.export() == lastExport && p.metric().equals(PHASE_DURATION))
                    .stream().map(p -> p.attributes().get("phase")))
                    .containsExactlyInAnyOrder("PREPARING", "DRAINING", "CLEANING", "PERSISTING", "EXITING");
            writeExcerpt(receiver, seen);
        }
    }

    private static Optional<Double> last(OtlpMetricsReceiver receiver, String metric) {
        return receiver.points(metric, APP).stream().reduce((a, b) -> b).map(DataPoint::value);
    }

    private static String describe(Map<Integer, double[]> gauges) {
        StringBuilder text = new StringBuilder("exports since SIGTERM (phase, in flight):");
        gauges.forEach((export, g) -> text.append(' ').append(export).append("=(").append(g[0]).append(", ")
                .append(g[1]).append(')'));
        return text.toString();
    }

    /**
     * What the exports since the SIGTERM showed, then the last export of each of the library's metrics as decoded, in
     * {@code target/otlp-flux-metrics.txt}, for the documentation.
     */
    private static void writeExcerpt(OtlpMetricsReceiver receiver, String seen) throws Exception {
        StringBuilder excerpt = new StringBuilder("# ").append(seen).append("\n\n");
        receiver.points(p -> p.metric().startsWith("flux.")).stream().map(DataPoint::metric).distinct().sorted()
                .forEach(name -> excerpt.append(receiver.lastExportedText(name)).append('\n'));
        Files.writeString(Path.of("target", "otlp-flux-metrics.txt"), excerpt);
    }
}
