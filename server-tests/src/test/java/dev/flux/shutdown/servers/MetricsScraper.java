package dev.flux.shutdown.servers;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes a server's Prometheus endpoint every 100 ms on a thread of its own, as Prometheus would (more often),
 * and keeps every answer read; what failed (a server that stops answers no more) is kept apart.
 */
final class MetricsScraper implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final ServerProcess server;
    private final String pathAndQuery;
    private final List<PrometheusScrape> scrapes = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    private MetricsScraper(ServerProcess server, String pathAndQuery) {
        this.server = server;
        this.pathAndQuery = pathAndQuery;
    }

    /** Starts scraping {@code pathAndQuery} of {@code server} now. */
    static MetricsScraper start(ServerProcess server, String pathAndQuery) {
        MetricsScraper scraper = new MetricsScraper(server, pathAndQuery);
        scraper.thread.scheduleWithFixedDelay(scraper::scrapeOnce, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return scraper;
    }

    /** One scrape of {@code pathAndQuery}, which must answer 200. */
    static PrometheusScrape scrape(ServerProcess server, String pathAndQuery) throws IOException,
            InterruptedException {
        HttpResponse<String> response = server.getServer(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new IOException(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return PrometheusScrape.parse(System.nanoTime(), response.body());
    }

    private void scrapeOnce() {
        try {
            scrapes.add(scrape(server, pathAndQuery));
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every answer so far, in order. */
    List<PrometheusScrape> scrapes() {
        return List.copyOf(scrapes);
    }

    /** Every scrape that failed so far, in order. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops scraping: no scrape is added after this returns. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(ServerProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("A scrape did not end within " + ServerProcess.TIMEOUT);
        }
    }

    /**
     * Keeps what each scrape showed of the metrics named {@code prefix...} in the build's {@code server-logs}, as
     * {@code fileName}: what the server really showed, for a look after the build.
     */
    void keep(String fileName, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        long start = scrapes.isEmpty() ? 0 : scrapes.get(0).nanoTime();
        for (PrometheusScrape s : scrapes) {
            lines.add("--- scrape at +" + Duration.ofNanos(s.nanoTime() - start).toMillis() + " ms");
            lines.addAll(s.linesAbout(prefix));
        }
        failures.forEach(failure -> lines.add("--- failed: " + failure));
        keep(fileName, lines);
    }

    /** Keeps {@code lines} in the build's {@code server-logs} as {@code fileName}. */
    static void keep(String fileName, List<String> lines) throws IOException {
        String logs = System.getProperty("server-tests.logs");
        if (logs != null) {
            Files.write(Files.createDirectories(Path.of(logs)).resolve(fileName), lines);
        }
    }
}
