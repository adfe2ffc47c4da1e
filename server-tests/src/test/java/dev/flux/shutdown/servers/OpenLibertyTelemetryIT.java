package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.testsupport.OtlpMetricsReceiver;
import dev.flux.shutdown.testsupport.OtlpMetricsReceiver.DataPoint;

/**
 * The library's meters on Open Liberty with MicroProfile Telemetry 2.0 ({@code mpTelemetry-2.0}), exported by the
 * application's OpenTelemetry SDK over OTLP/HTTP (protobuf) every 200 ms to a receiver of the test's own: the
 * in-flight gauge live, then during the drain of a SIGTERM the phase gauge at DRAINING and the in-flight gauge
 * falling to zero. The SDK is the application's own ({@code otel.sdk.disabled=false} in its configuration), and the
 * application sees the OpenTelemetry API, which Liberty counts among the third-party APIs.
 */
class OpenLibertyTelemetryIT {

    private static final String IN_FLIGHT = "flux.shutdown.in.flight";
    private static final String PHASE = "flux.shutdown.phase";
    private static final Map<String, String> ALPHA = Map.of("app", "alpha");

    @TempDir
    Path dir;

    @Test
    void inFlightAndPhaseAreExportedDuringTheDrain() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        try (OtlpMetricsReceiver receiver = OtlpMetricsReceiver.start()) {
            TestWar alpha = TestWar.named("alpha", events, dir.resolve("state"))
                    .with("flux.shutdown.readiness-delay", "0s")
                    // in a server the gauges stop being read when the application closes: a CLEANING of several
                    // export intervals makes sure an export shows nothing in flight before that (without it, one
                    // run under load ended with the last request released and the application closed between two
                    // exports)
                    .with("app.slow-cleanup", "1500")
                    .with("otel.sdk.disabled", "false")
                    .with("otel.metrics.exporter", "otlp")
                    .with("otel.traces.exporter", "none")
                    .with("otel.logs.exporter", "none")
                    .with("otel.exporter.otlp.metrics.protocol", "http/protobuf")
                    .with("otel.exporter.otlp.metrics.endpoint", receiver.endpoint() + OtlpMetricsReceiver.PATH)
                    .with("otel.metric.export.interval", "200");
            try (ServerProcess server = new OpenLiberty(dir.resolve("server")).withFeature("mpTelemetry-2.0")
                    .withThirdPartyApis().start(alpha)) {
                assertThat(server.output()).as("the startup line naming OpenTelemetry")
                        .anyMatch(line -> line.contains("FLUX-0802") && line.contains("OpenTelemetry"));
                await().atMost(ServerProcess.TIMEOUT).untilAsserted(() -> assertThat(receiver.points(PHASE, ALPHA))
                        .as("refused %s, received %s", receiver.refused(), receiver.points()).isNotEmpty());

                List<CompletableFuture<HttpResponse<String>>> slow = IntStream.of(1500, 3000, 4500)
                        .mapToObj(ms -> server.getAsync("alpha", "/slow?millis=" + ms + "&bytes=1000")).toList();
                server.awaitLines(line -> AppEvents.isEvent(line, "alpha", "slow-started"), 3);
                int started = receiver.exports();
                await().atMost(ServerProcess.TIMEOUT).until(() -> receiver.points(IN_FLIGHT, ALPHA).stream()
                        .anyMatch(p -> p.export() > started && p.value() == 3.0));

                int signalled = receiver.exports();
                server.signal("TERM");
                Responses.assertWhole(slow, 1000);
                server.awaitExit(ServerProcess.TIMEOUT);

                Map<Integer, double[]> gauges = new TreeMap<>();
                receiver.points(PHASE, ALPHA).stream().filter(p -> p.export() > signalled).forEach(
                        p -> gauges.computeIfAbsent(p.export(), e -> new double[] {-1, -1})[0] = p.value());
                receiver.points(IN_FLIGHT, ALPHA).stream().filter(p -> p.export() > signalled).forEach(
                        p -> gauges.computeIfAbsent(p.export(), e -> new double[] {-1, -1})[1] = p.value());
                String seen = describe(gauges) + "; output:\n" + server.outputText();
                List<Double> draining = gauges.values().stream().filter(g -> g[0] == 2.0).map(g -> g[1]).toList();
                assertThat(draining).as(seen).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
                assertThat(draining.get(0)).as(seen).isGreaterThan(0.0);
                assertThat(gauges.values()).as(seen).anyMatch(g -> g[0] >= 2.0 && g[1] == 0.0);
                assertThat(receiver.points("flux.shutdown.phase.duration", Map.of("app", "alpha", "phase",
                        "DRAINING"))).as(seen).isNotEmpty().allMatch(p -> p.unit().equals("s") && p.count() == 1);
            }
        }
    }

    private static String describe(Map<Integer, double[]> gauges) {
        StringBuilder text = new StringBuilder("exports since SIGTERM (phase, in flight):");
        gauges.forEach((export, g) -> text.append(' ').append(export).append("=(").append(g[0]).append(", ")
                .append(g[1]).append(')'));
        return text.toString();
    }
}
