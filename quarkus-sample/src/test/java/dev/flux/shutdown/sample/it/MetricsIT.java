package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The library's meters in Quarkus' Micrometer with the Prometheus registry, scraped from {@code /q/metrics} of the
 * packaged sample as a real process: during a drain the in-flight gauge falls to zero as the slow requests end,
 * and the phase gauge, the phase durations and the drain latency show the shutdown.
 */
class MetricsIT {

    private static final String STARTED = "sample: started ";

    @Test
    void inFlightGaugeFallsToZeroDuringTheDrain() throws Exception {
        // the last cleanup takes 5 s: the HTTP server still answers scrapes after DRAINING has ended
        try (SampleProcess sample = SampleProcess.start(Map.of("sample.final-report.delay", "5s",
                "flux.shutdown.cleanup.timeout", "30s"))) {
            assertThat(sample.get("/report?ms=0").statusCode()).isEqualTo(200);
            Scrape idle = scrape(sample);
            assertThat(idle.inFlight()).isEqualTo(0.0);
            assertThat(idle.phase()).isEqualTo(0.0);

            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int ms : new int[] {1500, 3000, 4500}) {
                slow.add(sample.getAsync("/report?ms=" + ms));
            }
            sample.awaitLines(line -> line.contains(STARTED + "report"), 4);
            assertThat(scrape(sample).inFlight()).isEqualTo(3.0);

            sample.signal("TERM");
            List<Scrape> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Scrape now = scrape(sample);
                seen.add(now);
                return now.phase() >= 3;
            });

            List<Double> draining = seen.stream().filter(s -> s.phase() == 2.0).map(Scrape::inFlight).toList();
            assertThat(draining).as("in flight while DRAINING, every 100 ms: %s", seen).isNotEmpty()
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(draining.get(0)).isGreaterThan(0.0);
            assertThat(seen.get(seen.size() - 1).inFlight()).isEqualTo(0.0);
            String after = scrape(sample).text();
            assertThat(after).contains("flux_shutdown_phase_duration_seconds_count{app=\"application\","
                    + "outcome=\"ok\",phase=\"DRAINING\"} 1.0")
                    .contains("flux_shutdown_drain_latency_seconds_count{app=\"application\",outcome=\"ok\"} 1.0");
            for (CompletableFuture<HttpResponse<byte[]>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
        }
    }

    private static Scrape scrape(SampleProcess sample) throws Exception {
        HttpResponse<byte[]> response = sample.get("/q/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** One scrape of {@code /q/metrics}, in Prometheus' text format. */
    private record Scrape(String text) {

        double inFlight() {
            return value("flux_shutdown_in_flight").orElseThrow(() -> new AssertionError("no in-flight gauge: " + text));
        }

        double phase() {
            return value("flux_shutdown_phase").orElseThrow(() -> new AssertionError("no phase gauge: " + text));
        }

        private OptionalDouble value(String gauge) {
            Matcher matcher = Pattern.compile("(?m)^" + gauge + "\\{app=\"application\"} ([0-9.eE+-]+)$").matcher(text);
            return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
        }

        @Override
        public String toString() {
            return "phase " + value("flux_shutdown_phase") + ", in flight " + value("flux_shutdown_in_flight");
        }
    }
}
