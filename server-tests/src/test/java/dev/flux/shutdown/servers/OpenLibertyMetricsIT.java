package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static dev.flux.shutdown.servers.ShutdownMeters.CHECKPOINT_DURATION_COUNT;
import static dev.flux.shutdown.servers.ShutdownMeters.CHECKPOINT_SIZE_COUNT;
import static dev.flux.shutdown.servers.ShutdownMeters.CHECKPOINT_SIZE_SUM;
import static dev.flux.shutdown.servers.ShutdownMeters.CLEANING;
import static dev.flux.shutdown.servers.ShutdownMeters.DRAIN_LATENCY_COUNT;
import static dev.flux.shutdown.servers.ShutdownMeters.IN_FLIGHT;
import static dev.flux.shutdown.servers.ShutdownMeters.PHASE;
import static dev.flux.shutdown.servers.ShutdownMeters.PHASE_DURATION_COUNT;
import static dev.flux.shutdown.servers.ShutdownMeters.RUNNING;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's meters in Open Liberty's own MicroProfile Metrics ({@code mpMetrics-5.1}, SmallRye Metrics over
 * Micrometer), scraped from the server's {@code /metrics?scope=application} as Prometheus would, every 100 ms, in
 * a server hosting two applications that each carry the library: the in-flight gauge reads live, each application's
 * meters are its own ({@code app} label), a shutdown shows in the phase gauge and the timers, and an application's
 * meters leave the server's registry with it.
 */
class OpenLibertyMetricsIT {

    static final String METRICS = "/metrics?scope=application";

    @TempDir
    Path dir;
    Path events;

    @BeforeEach
    void directories() throws IOException {
        events = Files.createDirectories(dir.resolve("events"));
    }

    /** alpha: no readiness delay, and a CLEANING that lasts 1.5 s, long enough to be scraped. */
    private TestWar alpha() {
        return TestWar.named("alpha", events, dir.resolve("state/alpha"))
                .with("flux.shutdown.readiness-delay", "0s")
                .with("app.slow-cleanup", "1500");
    }

    /** beta: checkpoints every 500 ms, which its checkpoint timer and size histogram show. */
    private TestWar beta() {
        return TestWar.named("beta", events, dir.resolve("state/beta"))
                .with("flux.shutdown.state.checkpoint-interval", "500ms");
    }

    /** Open Liberty with MicroProfile Metrics, its endpoint open without TLS or login as in a cluster's pod. */
    private OpenLiberty liberty() throws IOException {
        return new OpenLiberty(dir.resolve("run"))
                .withFeature("mpMetrics-5.1", "<mpMetrics authentication=\"false\"/>")
                .deployingFromConfig();
    }

    /**
     * Liberty stops routing to a removed application at once but closes its CDI container only once the requests
     * in flight have ended: its in-flight gauge falls to zero while its phase still reads 0, then the library's
     * shutdown runs with nothing left in flight (CLEANING is scraped, with DRAINING's timers). Its meters are then
     * gone, the other's kept: the library removes its own when the container closes, and Liberty too unregisters
     * what a stopped application registered, so this shows the result, not which of the two did it.
     */
    @Test
    void removingOneApplicationShowsItsRequestsEndingAndTakesItsMetersAwayNotTheOthers() throws Exception {
        try (OpenLiberty liberty = liberty()) {
            ServerProcess server = liberty.start(alpha(), beta());
            assertThat(server.output()).as("each application found the server's registry")
                    .anyMatch(line -> line.contains("FLUX-0802 [app=alpha]") && line.contains("MicroProfile Metrics"))
                    .anyMatch(line -> line.contains("FLUX-0802 [app=beta]") && line.contains("MicroProfile Metrics"));
            PrometheusScrape idle = MetricsScraper.scrape(server, METRICS);
            for (String app : List.of("alpha", "beta")) {
                assertThat(idle.value(PHASE, "app", app)).as(idle.text()).hasValue(RUNNING);
                assertThat(idle.value(IN_FLIGHT, "app", app)).as(idle.text()).hasValue(0);
            }
            List<CompletableFuture<HttpResponse<String>>> slow = ShutdownMeters.slowRequests(server, "alpha");
            PrometheusScrape busy = MetricsScraper.scrape(server, METRICS);
            assertThat(busy.value(IN_FLIGHT, "app", "alpha")).as("read live; %s", busy.text())
                    .hasValue(ShutdownMeters.SLOW_MILLIS.size());
            assertThat(busy.value(IN_FLIGHT, "app", "beta")).as(busy.text()).hasValue(0);

            List<PrometheusScrape> during;
            try (MetricsScraper scraper = MetricsScraper.start(server, METRICS)) {
                server.undeploy("alpha");
                scraper.close();
                scraper.keep("OpenLibertyMetricsIT-removal.txt", ShutdownMeters.PREFIX);
                assertThat(scraper.failures()).as("scrapes that failed").isEmpty();
                during = scraper.scrapes();
            }
            Responses.assertWhole(slow, 1_000);
            PrometheusScrape after = MetricsScraper.scrape(server, METRICS);

            List<PrometheusScrape> withAlpha = ShutdownMeters.concat(busy, during).stream()
                    .filter(s -> s.value(PHASE, "app", "alpha").isPresent()).toList();
            assertThat(inFlight(withAlpha, "alpha")).as("alpha's work in flight, scrape after scrape")
                    .isSortedAccordingTo(Comparator.reverseOrder()).containsSubsequence(3.0, 2.0, 1.0, 0.0);
            assertThat(phases(withAlpha, "alpha")).as("alpha's phase, scrape after scrape").isSorted()
                    .contains(CLEANING);
            PrometheusScrape shuttingDown = withAlpha.stream()
                    .filter(s -> s.value(PHASE, "app", "alpha").getAsDouble() > RUNNING).findFirst().orElseThrow();
            assertThat(shuttingDown.value(IN_FLIGHT, "app", "alpha"))
                    .as("Liberty let alpha's requests end before it closed alpha's container").hasValue(0);
            PrometheusScrape cleaning = withAlpha.stream()
                    .filter(s -> s.value(PHASE, "app", "alpha").getAsDouble() == CLEANING).findFirst().orElseThrow();
            assertThat(cleaning.value(PHASE_DURATION_COUNT, "app", "alpha", "phase", "DRAINING", "outcome", "ok"))
                    .as("DRAINING timed once it ended; %s", cleaning.text()).hasValue(1);
            assertThat(cleaning.value(DRAIN_LATENCY_COUNT, "app", "alpha", "outcome", "ok")).hasValue(1);
            assertThat(during).as("beta while alpha was removed").allSatisfy(s -> {
                assertThat(s.value(PHASE, "app", "beta")).hasValue(RUNNING);
                assertThat(s.value(IN_FLIGHT, "app", "beta")).hasValue(0);
            });

            assertThat(after.matching(ShutdownMeters.PREFIX, "app", "alpha")).as("alpha's meters left with it; %s",
                    after.text()).isEmpty();
            assertThat(after.value(PHASE, "app", "beta")).as(after.text()).hasValue(RUNNING);
            assertThat(after.value(IN_FLIGHT, "app", "beta")).as(after.text()).hasValue(0);
            assertThat(server.get("beta", "/hello").body()).isEqualTo("hello from beta");
            assertThat(server.post("beta", "/count").body()).isEqualTo("1");
            PrometheusScrape checkpointed = await().atMost(ServerProcess.TIMEOUT).pollInterval(MetricsScraper.INTERVAL)
                    .until(() -> MetricsScraper.scrape(server, METRICS), s -> s.value(CHECKPOINT_SIZE_COUNT,
                            "app", "beta", "kind", "periodic").orElse(0) > 0);
            assertThat(checkpointed.value(CHECKPOINT_DURATION_COUNT, "app", "beta", "kind", "periodic", "result",
                    "committed").orElse(0)).as(checkpointed.text()).isPositive();
            assertThat(checkpointed.value(CHECKPOINT_SIZE_SUM, "app", "beta", "kind", "periodic").orElse(0))
                    .as("bytes; %s", checkpointed.text()).isPositive();
            MetricsScraper.keep("OpenLibertyMetricsIT-checkpointed.txt",
                    checkpointed.linesAbout(ShutdownMeters.PREFIX));
            assertNoMeterFailed(server);
        }
    }

    /**
     * SIGTERM reaches the library first (its signal handler), so Liberty, its {@code /metrics} included, serves on
     * while the applications drain: alpha's phase reads DRAINING with its requests still in flight, and its
     * in-flight gauge falls to zero before CLEANING.
     */
    @Test
    void sigtermShowsTheDrainWithItsRequestsInFlight() throws Exception {
        try (OpenLiberty liberty = liberty()) {
            ServerProcess server = liberty.start(alpha(), beta());
            List<CompletableFuture<HttpResponse<String>>> slow = ShutdownMeters.slowRequests(server, "alpha");
            PrometheusScrape busy = MetricsScraper.scrape(server, METRICS);

            List<PrometheusScrape> during;
            try (MetricsScraper scraper = MetricsScraper.start(server, METRICS)) {
                server.signal("TERM");
                Responses.assertWhole(slow, 1_000);
                server.awaitExit(ServerProcess.TIMEOUT);
                scraper.close();
                scraper.keep("OpenLibertyMetricsIT-sigterm.txt", ShutdownMeters.PREFIX);
                during = scraper.scrapes();
            }

            ShutdownMeters.assertDrainShown(ShutdownMeters.concat(busy, during), "alpha");
            assertThat(phases(during, "beta")).as("beta drained too, on the same signal").anyMatch(p -> p > RUNNING);
            assertNoMeterFailed(server);
        }
    }

    /** No meter refused or failed, their removal at the container's close included. */
    private static void assertNoMeterFailed(ServerProcess server) {
        assertThat(server.output()).as(server.outputText())
                .noneMatch(line -> line.contains("FLUX-0801") || line.contains("FLUX-0803"));
    }

    private static List<Double> phases(List<PrometheusScrape> scrapes, String app) {
        return ShutdownMeters.values(scrapes, PHASE, app);
    }

    private static List<Double> inFlight(List<PrometheusScrape> scrapes, String app) {
        return ShutdownMeters.values(scrapes, IN_FLIGHT, app);
    }
}
