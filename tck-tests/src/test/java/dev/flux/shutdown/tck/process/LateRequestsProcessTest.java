package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.tck.app.TckOutput;

/**
 * Requests that arrive once DRAINING has started, over real HTTP to a real JVM: the quiet period keeps DRAINING
 * open while they come, and the report and the readiness data count them, served or refused.
 */
class LateRequestsProcessTest {

    private static final Duration SETTLE_BOUND = Duration.ofSeconds(10);
    private static final Pattern SERVED_LATE = Pattern.compile("\"served-late\":(\\d+)");

    @Test
    void quietPeriodKeepsDrainingOpenWhileRequestsArriveAndTheReportCountsThem() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.quiet-period", "1500ms"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();

            app.signal("TERM");
            app.awaitLine(line -> line.equals(TckOutput.PHASE + "DRAINING"));
            // Connection: close shows that the gate has switched; every request sent after that one comes late
            await().atMost(SETTLE_BOUND).pollInterval(Duration.ofMillis(20))
                    .until(() -> http.get("/hello"), r -> r.headers().firstValue("Connection").isPresent());
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> late = http.get("/hello");
                assertThat(late.statusCode()).as("a late request within the quiet period is served").isEqualTo(200);
                assertThat(late.headers().firstValue("Connection")).hasValue("close");
            }
            HttpResponse<byte[]> ready = http.get("/health/ready");
            Matcher servedLate = SERVED_LATE.matcher(new String(ready.body(), StandardCharsets.UTF_8));
            assertThat(servedLate.find()).as("readiness data").isTrue();
            assertThat(Long.parseLong(servedLate.group(1))).isGreaterThanOrEqualTo(3);

            assertThat(app.awaitExit()).isZero();
            String draining = app.awaitLine(line -> line.contains("FLUX-0010 DRAINING"));
            assertThat(draining).contains("then quiet for 1.5s").containsPattern("; ([3-9]|\\d\\d+) served late, 0 refused");
            assertThat(app.awaitLine(line -> line.contains("FLUX-0012")))
                    .contains("Shutdown complete").containsPattern(", \\d+ late requests served: exit code 0");
        }
    }

    @Test
    void requestsRefusedAfterDrainingAreCountedAndTheSummarySaysSo() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("tck.hang-in", "CLEANING", "flux.shutdown.drain.timeout", "1s",
                "flux.shutdown.timeout", "6s"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();

            app.signal("TERM");
            app.awaitLine(line -> line.equals(TckOutput.PHASE + "CLEANING"));
            for (int i = 0; i < 2; i++) {
                assertThat(http.get("/hello").statusCode()).isEqualTo(503);
            }

            // the cleaning observer hangs: the watchdog's report (at timeout) is the one that tells
            assertThat(app.awaitExit()).isEqualTo(1);
            String summary = app.awaitLine(line -> line.contains("FLUX-0012"));
            assertThat(summary).contains("Shutdown incomplete")
                    .contains("but 2 requests REFUSED (0 during DRAINING, 2 after it)");
        }
    }

    @Test
    void requestsRefusedDuringDrainingInRejectModeAreCounted() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.new-requests", "reject",
                "flux.shutdown.drain.quiet-period", "1s"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();

            app.signal("TERM");
            app.awaitLine(line -> line.equals(TckOutput.PHASE + "DRAINING"));
            HttpResponse<byte[]> refused = await().atMost(SETTLE_BOUND).pollInterval(Duration.ofMillis(20))
                    .until(() -> http.get("/hello"), r -> r.statusCode() == 503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            assertThat(app.awaitExit()).isZero();
            assertThat(app.awaitLine(line -> line.contains("FLUX-0012"))).contains("Shutdown complete")
                    .contains("but 1 request REFUSED (1 during DRAINING, 0 after it)");
        }
    }

    /**
     * In reject mode a refused request is still a request that a proxy routed here: it starts the quiet period
     * again, so DRAINING stays open while they come and every one of them is refused during DRAINING, none after.
     * Requests come every 200 ms for twice the quiet period; a quiet period counted from the start of DRAINING only
     * would end DRAINING halfway through them.
     */
    @Test
    void refusedRequestsInRejectModeStartTheQuietPeriodAgain() throws Exception {
        Duration quietPeriod = Duration.ofSeconds(2);
        int paced = 20;
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.new-requests", "reject",
                "flux.shutdown.drain.quiet-period", quietPeriod.toSeconds() + "s"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();

            app.signal("TERM");
            app.awaitLine(line -> line.equals(TckOutput.PHASE + "DRAINING"));
            await().atMost(SETTLE_BOUND).pollInterval(Duration.ofMillis(20))
                    .until(() -> http.get("/hello"), r -> r.statusCode() == 503);
            AtomicInteger refused = new AtomicInteger(1);
            AtomicInteger unanswered = new AtomicInteger();
            CountDownLatch sent = new CountDownLatch(paced);
            ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
            try {
                client.scheduleAtFixedRate(() -> {
                    if (sent.getCount() == 0) {
                        return;
                    }
                    try {
                        (http.get("/hello").statusCode() == 503 ? refused : unanswered).incrementAndGet();
                    } catch (Exception e) {
                        unanswered.incrementAndGet(); // nobody listens: the process has ended
                    }
                    sent.countDown();
                }, 200, 200, TimeUnit.MILLISECONDS);
                assertThat(sent.await(60, TimeUnit.SECONDS)).as("paced requests sent").isTrue();
            } finally {
                client.shutdownNow();
            }

            assertThat(unanswered.get()).as("requests not refused with 503 (DRAINING had ended)").isZero();
            assertThat(app.awaitExit()).isZero();
            int all = refused.get();
            assertThat(app.awaitLine(line -> line.contains("FLUX-0010 DRAINING")))
                    .contains("then quiet for 2.0s").contains("; 0 served late, " + all + " refused");
            assertThat(app.awaitLine(line -> line.contains("FLUX-0012"))).contains("Shutdown complete")
                    .contains("but " + all + " requests REFUSED (" + all + " during DRAINING, 0 after it)");
        }
    }
}
