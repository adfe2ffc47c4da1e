package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Request draining in the packaged Quarkus sample, run as a real process that gets a real SIGTERM: the same
 * behaviour the Weld SE process tests show, on Quarkus REST over Vert.x.
 */
class DrainingIT {

    private static final int MIB = 1024 * 1024;
    private static final String STARTED = "sample: started ";

    @Test
    void slowRequestsAndLargeBodiesInFlightCompleteAfterSigterm() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of())) {
            List<CompletableFuture<HttpResponse<byte[]>>> reports = new ArrayList<>();
            List<CompletableFuture<HttpResponse<byte[]>>> exports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reports.add(sample.getAsync("/report?ms=2500"));
                exports.add(sample.getAsync("/export?kb=2048&ms=2500"));
            }
            sample.awaitLines(line -> line.contains(STARTED), 8);

            sample.signal("TERM");

            for (CompletableFuture<HttpResponse<byte[]>> report : reports) {
                HttpResponse<byte[]> response = report.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"tookMs\":2500");
            }
            for (CompletableFuture<HttpResponse<byte[]>> export : exports) {
                HttpResponse<byte[]> response = export.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).hasSize(2 * MIB);
            }
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0010 DRAINING")
                    .contains("8 in flight at start, all finished"));
        }
    }

    @Test
    void readinessIsDownFromTheSignalWhileRequestsAreStillServedNormally() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of("flux.shutdown.readiness-delay", "3s"))) {
            assertThat(sample.get("/q/health/ready").statusCode()).isEqualTo(200);

            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("sample: phase PREPARING"));

            HttpResponse<byte[]> ready = sample.get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(new String(ready.body(), StandardCharsets.UTF_8).replaceAll("\\s", ""))
                    .contains("\"name\":\"flux-shutdown\",\"status\":\"DOWN\"").contains("\"phase\":\"PREPARING\"");
            HttpResponse<byte[]> hello = sample.get("/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.headers().firstValue("Connection")).isEmpty();
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
        }
    }

    @Test
    void lateRequestDuringDrainingIsServedWithConnectionClose() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of())) {
            CompletableFuture<HttpResponse<byte[]>> slow = sample.getAsync("/report?ms=4000");
            sample.awaitLine(line -> line.contains(STARTED + "report"));

            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("sample: phase DRAINING"));

            HttpResponse<byte[]> late = firstResponseOfDraining(sample);
            assertThat(late.statusCode()).isEqualTo(200);
            assertThat(late.headers().firstValue("Connection")).hasValue("close");
            assertThat(slow.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
        }
    }

    @Test
    void lateRequestDuringDrainingIsRefusedWith503InRejectMode() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of("flux.shutdown.drain.new-requests", "reject",
                "flux.shutdown.reject.retry-after", "7s"))) {
            CompletableFuture<HttpResponse<byte[]>> slow = sample.getAsync("/report?ms=4000");
            sample.awaitLine(line -> line.contains(STARTED + "report"));

            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("sample: phase DRAINING"));

            HttpResponse<byte[]> late = firstResponseOfDraining(sample);
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(late.headers().firstValue("Connection")).hasValue("close");
            assertThat(slow.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
        }
    }

    @Test
    void requestAfterDrainingGets503WithRetryAfter() throws Exception {
        // the last cleanup takes 20 s, which leaves time to ask after DRAINING has ended; a served report creates
        // the bean that owns it (a cleanup of a bean never created is skipped)
        try (SampleProcess sample = SampleProcess.start(Map.of("sample.final-report.delay", "20s",
                "flux.shutdown.cleanup.timeout", "30s"))) {
            assertThat(sample.get("/report?ms=0").statusCode()).isEqualTo(200);
            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("sample: phase CLEANING"));

            HttpResponse<byte[]> late = sample.get("/hello");
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(late.headers().firstValue("Connection")).hasValue("close");
        }
    }

    @Test
    void requestLongerThanDrainTimeoutIsLoggedByPathAndExitIsForced() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of("flux.shutdown.drain.timeout", "1s",
                "flux.shutdown.forced-exit-code", "9"))) {
            sample.getAsync("/report?ms=120000");
            sample.awaitLine(line -> line.contains(STARTED + "report"));

            sample.signal("TERM");

            assertThat(sample.awaitExit()).as(sample.outputText()).isEqualTo(9);
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0202")
                    .contains("GET /report"));
            assertThat(sample.output()).anySatisfy(line -> assertThat(line).contains("FLUX-0010 DRAINING")
                    .contains("TIMED-OUT"));
        }
    }

    /**
     * The first response to {@code GET /hello} once draining has begun. The "phase DRAINING" line comes from an
     * observer of the phase's event, which runs just before the library starts draining: a request sent right
     * after the line may still be served as before. Draining shows in every response ({@code Connection: close},
     * served or refused), so the request is repeated, bounded, until it does.
     */
    private static HttpResponse<byte[]> firstResponseOfDraining(SampleProcess sample) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sample.get("/hello"), response -> response.headers().firstValue("Connection").isPresent());
    }
}
