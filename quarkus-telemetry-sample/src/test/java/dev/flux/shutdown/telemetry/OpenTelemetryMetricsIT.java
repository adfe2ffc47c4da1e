package dev.flux.shutdown.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.testsupport.OtlpMetricsReceiver;
import dev.flux.shutdown.testsupport.OtlpMetricsReceiver.DataPoint;

/**
 * The library's meters exported by Quarkus' OpenTelemetry SDK over OTLP/HTTP to a receiver of the test's own, from
 * the packaged service as a real process: the in-flight gauge live, then during the drain of a SIGTERM the phase
 * gauge at DRAINING and the in-flight gauge falling to zero, and the phases' durations.
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
                    receiver.points(IN_FLIGHT, APP)).as("%s", receiver.refused()).isNotEmpty());

            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int ms : new int[] {1500, 3000, 4500}) {
                slow.add(sample.getAsync("/slow?ms=" + ms));
            }
            sample.awaitLines(line -> line.contains("telemetry-sample: started slow"), 3);
            int before = receiver.exports();
            await().atMost(TelemetrySampleProcess.TIMEOUT).until(() -> receiver.points(IN_FLIGHT, APP).stream()
                    .anyMatch(p -> p.export() > before && p.value() == 3.0));

            int atSignal = receiver.exports();
            sample.signal("TERM");
            for (CompletableFuture<HttpResponse<String>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            int exit = sample.awaitExit();
            System.out.println("exit " + exit + " exports " + receiver.exports() + " at signal " + atSignal);
            for (DataPoint p : receiver.points(p -> p.export() > atSignal && p.metric().startsWith("flux."))) {
                System.out.println(p);
            }
            System.out.println(sample.outputText());
            StringBuilder excerpt = new StringBuilder();
            for (String name : receiver.points(p -> p.metric().startsWith("flux.")).stream().map(DataPoint::metric)
                    .distinct().sorted().toList()) {
                excerpt.append(receiver.lastExportedText(name)).append('\n');
            }
            Files.writeString(Path.of("target", "otlp-flux-metrics.txt"), excerpt);
            assertThat(exit).as(sample.outputText()).isZero();
        }
    }
}
