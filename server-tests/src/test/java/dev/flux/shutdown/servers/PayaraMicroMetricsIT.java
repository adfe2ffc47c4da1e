package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.flux.shutdown.servers.ShutdownMeters.IN_FLIGHT;
import static dev.flux.shutdown.servers.ShutdownMeters.PHASE;
import static dev.flux.shutdown.servers.ShutdownMeters.RUNNING;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's meters in Payara Micro's own MicroProfile Metrics, served by default at {@code /metrics} on its
 * HTTP port, scraped every 100 ms while SIGTERM drains slow requests: the application owns the process, and the
 * server serves on until the library's shutdown has run, on Payara Micro 6. (Payara Micro 7.2025.1 shows a timer's
 * quantiles in nanoseconds, its sum and max in seconds; only the latter are read here.)
 */
class PayaraMicroMetricsIT {

    static final String METRICS = "/metrics?scope=application";

    @TempDir
    Path dir;

    @Test
    void sigtermShowsTheDrainWithItsRequestsInFlight() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        TestWar alpha = TestWar.named("alpha", events, dir.resolve("state"))
                .with("flux.shutdown.readiness-delay", "0s")
                .with("app.slow-cleanup", "1500");
        try (ServerProcess server = PayaraMicro.six(dir.resolve("run")).start(alpha)) {
            assertThat(server.output()).as("the server's registry found")
                    .anyMatch(line -> line.contains("FLUX-0802") && line.contains("MicroProfile Metrics"));
            PrometheusScrape idle = MetricsScraper.scrape(server, METRICS);
            assertThat(idle.value(PHASE, "app", "alpha")).as(idle.text()).hasValue(RUNNING);
            List<CompletableFuture<HttpResponse<String>>> slow = ShutdownMeters.slowRequests(server, "alpha");
            PrometheusScrape busy = MetricsScraper.scrape(server, METRICS);
            assertThat(busy.value(IN_FLIGHT, "app", "alpha")).as("read live; %s", busy.text())
                    .hasValue(ShutdownMeters.SLOW_MILLIS.size());

            List<PrometheusScrape> during;
            try (MetricsScraper scraper = MetricsScraper.start(server, METRICS)) {
                server.signal("TERM");
                Responses.assertWhole(slow, 1_000);
                assertThat(server.awaitExit(ServerProcess.TIMEOUT)).as("exit code").isZero();
                scraper.close();
                scraper.keep("PayaraMicroMetricsIT-sigterm.txt", ShutdownMeters.PREFIX);
                during = scraper.scrapes();
            }

            ShutdownMeters.assertDrainShown(ShutdownMeters.concat(busy, during), "alpha");
        }
    }
}
