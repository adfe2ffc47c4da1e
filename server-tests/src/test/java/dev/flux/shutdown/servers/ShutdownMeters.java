package dev.flux.shutdown.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The library's meters as a server's Prometheus endpoint names them ({@code flux.shutdown.in.flight} is
 * {@code flux_shutdown_in_flight}, timers in seconds), and what a drain scraped every 100 ms must show.
 */
final class ShutdownMeters {

    static final String PREFIX = "flux_shutdown";
    static final String PHASE = "flux_shutdown_phase";
    static final String IN_FLIGHT = "flux_shutdown_in_flight";
    static final String PHASE_DURATION_COUNT = "flux_shutdown_phase_duration_seconds_count";
    static final String PHASE_DURATION_SUM = "flux_shutdown_phase_duration_seconds_sum";
    static final String DRAIN_LATENCY_COUNT = "flux_shutdown_drain_latency_seconds_count";
    static final String CHECKPOINT_DURATION_COUNT = "flux_shutdown_checkpoint_duration_seconds_count";
    static final String CHECKPOINT_SIZE_COUNT = "flux_shutdown_checkpoint_size_bytes_count";
    static final String CHECKPOINT_SIZE_SUM = "flux_shutdown_checkpoint_size_bytes_sum";
    static final double RUNNING = 0;
    static final double DRAINING = 2;
    static final double CLEANING = 3;
    /** Three requests in flight, which end one after the other, 1.5 s apart. */
    static final List<Long> SLOW_MILLIS = List.of(1_500L, 3_000L, 4_500L);

    private ShutdownMeters() {
    }

    /**
     * What scrapes every 100 ms show of {@code app}'s drain of requests that end 1.5 s apart (three here), with a
     * CLEANING long enough to be scraped: DRAINING with work in flight, the in-flight gauge only falling, through each
     * count, to zero, which CLEANING shows with DRAINING timed once, in seconds. {@code scrapes} begin while the
     * three requests run.
     */
    static void assertDrainShown(List<PrometheusScrape> scrapes, String app) {
        List<PrometheusScrape> withApp = scrapes.stream().filter(s -> s.value(PHASE, "app", app).isPresent())
                .toList();
        assertThat(withApp).as("%s draining with requests in flight", app).anySatisfy(s -> {
            assertThat(s.value(PHASE, "app", app)).hasValue(DRAINING);
            assertThat(s.value(IN_FLIGHT, "app", app).getAsDouble()).isPositive();
        });
        assertThat(values(withApp, IN_FLIGHT, app)).as("%s's work in flight, scrape after scrape", app)
                .isSortedAccordingTo(Comparator.reverseOrder()).containsSubsequence(3.0, 2.0, 1.0, 0.0);
        assertThat(values(withApp, PHASE, app)).as("%s's phase, scrape after scrape", app).isSorted()
                .contains(DRAINING, CLEANING);
        PrometheusScrape cleaning = withApp.stream().filter(s -> s.value(PHASE, "app", app).getAsDouble() == CLEANING)
                .findFirst().orElseThrow();
        assertThat(cleaning.value(IN_FLIGHT, "app", app)).hasValue(0);
        assertThat(cleaning.value(PHASE_DURATION_COUNT, "app", app, "phase", "DRAINING", "outcome", "ok"))
                .as("DRAINING timed once it ended; %s", cleaning.text()).hasValue(1);
        assertThat(cleaning.value(PHASE_DURATION_SUM, "app", app, "phase", "DRAINING", "outcome", "ok").orElseThrow())
                .as("DRAINING waited for requests of up to 4.5 s, shown in seconds; %s", cleaning.text())
                .isBetween(1.0, 60.0);
        assertThat(cleaning.value(DRAIN_LATENCY_COUNT, "app", app, "outcome", "ok")).as(cleaning.text()).hasValue(1);
    }

    /** Starts the slow requests in {@code app} and waits until each runs. */
    static List<CompletableFuture<HttpResponse<String>>> slowRequests(ServerProcess server, String app)
            throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> slow = SLOW_MILLIS.stream()
                .map(millis -> server.getAsync(app, "/slow?millis=" + millis + "&bytes=1000")).toList();
        server.awaitLines(line -> AppEvents.isEvent(line, app, "slow-started"), SLOW_MILLIS.size());
        return slow;
    }

    /** {@code first}, then {@code rest}. */
    static List<PrometheusScrape> concat(PrometheusScrape first, List<PrometheusScrape> rest) {
        List<PrometheusScrape> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The value of {@code name} for {@code app} in each scrape that shows it. */
    static List<Double> values(List<PrometheusScrape> scrapes, String name, String app) {
        return scrapes.stream().map(s -> s.value(name, "app", app)).filter(v -> v.isPresent())
                .map(v -> v.getAsDouble()).toList();
    }
}
