package dev.flux.shutdown.sample;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.flux.shutdown.Cleanup;

/**
 * Counts what the API served and reports it once at shutdown. Its cleanup has no priority, so it runs after the
 * prioritized ones. {@code sample.final-report.delay} makes it take a while, so that a demo (or a test) can show
 * that requests arriving after DRAINING are refused with 503.
 */
@ApplicationScoped
public class ServedRequests {

    private static final Logger LOG = Logger.getLogger(ServedRequests.class.getName());

    @ConfigProperty(name = "sample.final-report.delay", defaultValue = "0s")
    Duration finalReportDelay;

    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong exportedBytes = new AtomicLong();

    void report() {
        reports.incrementAndGet();
    }

    void exported(long bytes) {
        exportedBytes.addAndGet(bytes);
    }

    @Cleanup
    void finalReport() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(finalReportDelay.toMillis());
        LOG.info(() -> "sample: cleanup served-requests: " + reports.get() + " reports, " + exportedBytes.get()
                + " bytes exported");
    }
}
