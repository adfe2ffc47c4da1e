package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's meters in Open Liberty's own MicroProfile Metrics ({@code mpMetrics-5.1}), scraped from the
 * server's {@code /metrics?scope=application} as Prometheus would, while one of two hosted applications is
 * undeployed with slow requests in flight: its phase gauge shows DRAINING then CLEANING, its in-flight gauge only
 * falls, to zero, the other application's meters are untouched, and the undeployed application's meters leave the
 * server's registry with it.
 */
class OpenLibertyMetricsIT {

    static final String METRICS = "/metrics?scope=application";
    static final String PHASE = "flux_shutdown_phase";
    static final String IN_FLIGHT = "flux_shutdown_in_flight";
    static final String PHASE_DURATION = "flux_shutdown_phase_duration_seconds_count";
    /** Three requests in flight in alpha that end one after the other while it drains. */
    static final List<Long> SLOW_MILLIS = List.of(1_500L, 3_000L, 4_500L);
    static final double DRAINING = 2;
    static final double CLEANING = 3;

    @TempDir
    Path dir;

    @Test
    void undeployingOneApplicationShowsItsDrainInTheServersMetricsAndTakesItsMetersAway() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        TestWar alpha = TestWar.named("alpha", events, dir.resolve("state/alpha"))
                .with("flux.shutdown.readiness-delay", "0s")
                // CLEANING lasts long enough to be scraped, with the in-flight gauge at zero
                .with("app.slow-cleanup", "1500");
        TestWar beta = TestWar.named("beta", events, dir.resolve("state/beta"));
        try (OpenLiberty liberty = new OpenLiberty(dir.resolve("run"))) {
            ServerProcess server = liberty.withFeature("mpMetrics-5.1", "<mpMetrics authentication=\"false\"/>")
                    .deployingFromConfig().start(alpha, beta);
            assertThat(server.output()).as("each application found the server's registry")
                    .anyMatch(line -> line.contains("FLUX-0802 [app=alpha]") && line.contains("MicroProfile Metrics"))
                    .anyMatch(line -> line.contains("FLUX-0802 [app=beta]") && line.contains("MicroProfile Metrics"));
            PrometheusScrape idle = scrape(server);
            assertThat(idle.value(PHASE, "app", "alpha")).as(idle.text()).hasValue(0);
            assertThat(idle.value(IN_FLIGHT, "app", "alpha")).as(idle.text()).hasValue(0);

            List<CompletableFuture<HttpResponse<String>>> slow = SLOW_MILLIS.stream()
                    .map(millis -> server.getAsync("alpha", "/slow?millis=" + millis + "&bytes=1000")).toList();
            server.awaitLines(line -> AppEvents.isEvent(line, "alpha", "slow-started"), SLOW_MILLIS.size());
            PrometheusScrape busy = scrape(server);
            assertThat(busy.value(IN_FLIGHT, "app", "alpha")).as("read live; %s", busy.text())
                    .hasValue(SLOW_MILLIS.size());
            assertThat(busy.value(IN_FLIGHT, "app", "beta")).as(busy.text()).hasValue(0);

            List<PrometheusScrape> during = new CopyOnWriteArrayList<>();
            List<Exception> failures = new CopyOnWriteArrayList<>();
            ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
            try {
                scraper.scheduleWithFixedDelay(() -> {
                    try {
                        during.add(scrape(server));
                    } catch (Exception | AssertionError e) {
                        failures.add(new IllegalStateException(e));
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                server.undeploy("alpha");
            } finally {
                scraper.shutdown();
                assertThat(scraper.awaitTermination(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
            PrometheusScrape after = scrape(server);
            report(during, after);
            Responses.assertWhole(slow, 1000);
            assertThat(failures).as("scrapes that failed").isEmpty();

            List<PrometheusScrape> withAlpha = during.stream()
                    .filter(s -> s.value(PHASE, "app", "alpha").isPresent()).toList();
            assertThat(phases(withAlpha, "alpha")).as("alpha's phase scraped while it shut down")
                    .contains(DRAINING, CLEANING);
            List<Double> inFlight = withAlpha.stream().map(s -> s.value(IN_FLIGHT, "app", "alpha").orElseThrow())
                    .toList();
            assertThat(inFlight).as("alpha's work in flight, scrape after scrape").isSortedAccordingTo(
                    (a, b) -> Double.compare(b, a)).contains(0.0).last().isEqualTo(0.0);
            assertThat(during).as("beta's phase while alpha shut down").allSatisfy(
                    s -> assertThat(s.value(PHASE, "app", "beta")).hasValue(0));
            PrometheusScrape cleaning = withAlpha.stream()
                    .filter(s -> s.value(PHASE, "app", "alpha").orElseThrow() == CLEANING).findFirst().orElseThrow();
            assertThat(cleaning.value(PHASE_DURATION, "app", "alpha", "phase", "DRAINING", "outcome", "ok"))
                    .as("DRAINING timed once it ended; %s", cleaning.text()).hasValue(1);

            assertThat(after.matching("flux_shutdown", "app", "alpha")).as("alpha's meters left with it; %s",
                    after.text()).isEmpty();
            assertThat(after.value(PHASE, "app", "beta")).as(after.text()).hasValue(0);
            assertThat(after.value(IN_FLIGHT, "app", "beta")).as(after.text()).hasValue(0);
            assertThat(server.get("beta", "/hello").body()).isEqualTo("hello from beta");
        }
    }

    private static List<Double> phases(List<PrometheusScrape> scrapes, String app) {
        return scrapes.stream().map(s -> s.value(PHASE, "app", app)).filter(OptionalDouble::isPresent)
                .map(OptionalDouble::getAsDouble).toList();
    }

    private static PrometheusScrape scrape(ServerProcess server) throws IOException, InterruptedException {
        HttpResponse<String> response = server.getServer(METRICS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PrometheusScrape.parse(System.nanoTime(), response.body());
    }

    /** Every scrape's flux lines, kept with the server logs: what the server really showed. */
    private static void report(List<PrometheusScrape> during, PrometheusScrape after) throws IOException {
        List<String> lines = new ArrayList<>();
        long start = during.isEmpty() ? after.nanoTime() : during.get(0).nanoTime();
        for (PrometheusScrape s : during) {
            lines.add("--- scrape at +" + Duration.ofNanos(s.nanoTime() - start).toMillis() + " ms");
            lines.addAll(s.linesAbout("flux_shutdown"));
        }
        lines.add("--- after the undeployment");
        lines.addAll(after.linesAbout("flux_shutdown"));
        String logs = System.getProperty("server-tests.logs");
        if (logs != null) {
            Files.write(Files.createDirectories(Path.of(logs)).resolve("OpenLibertyMetricsIT-scrapes.txt"), lines);
        }
    }
}
