package dev.flux.shutdown.sample.it;

import static dev.flux.shutdown.testsupport.LongLivedScenario.SLOW;
import static dev.flux.shutdown.testsupport.LongLivedScenario.SLOW_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.testsupport.LongLivedClients;
import dev.flux.shutdown.testsupport.LongLivedScenario;

/**
 * Long-lived responses in the packaged Quarkus sample at a real SIGTERM: open event streams end cleanly with a
 * {@code retry:} hint, long polls get 503, and DRAINING waits only for the ordinary requests (Quarkus REST on Vert.x;
 * the Weld SE process test shows the same on Jersey).
 */
class LongLivedIT {

    private static final String STARTED = "sample: started ";

    @Test
    void streamsLongPollsAndWebSocketsEndAtDrainingWhichEndsWithTheOrdinaryRequests() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of("flux.shutdown.drain.sse.last-event", "bye"))) {
            HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            LongLivedClients clients = LongLivedScenario.open(streamClient,
                    URI.create("http://127.0.0.1:" + sample.port() + "/notifications/events"),
                    () -> sample.getAsync("/notifications/poll"),
                    URI.create("ws://127.0.0.1:" + sample.port() + "/chat"));
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                slow.add(sample.getAsync("/report?ms=" + SLOW_MILLIS));
            }
            sample.awaitLines(line -> line.contains(STARTED), clients.requests() + SLOW);
            clients.awaitOpen();
            assertThat(new String(sample.get("/q/health/ready").body(), StandardCharsets.UTF_8).replaceAll("\\s", ""))
                    .contains(clients.readinessCounts());

            sample.signal("TERM");

            clients.awaitEndedAtDraining("bye");
            for (CompletableFuture<HttpResponse<byte[]>> report : slow) {
                assertThat(report.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            LongLivedScenario.checkDraining(sample.output(), clients);
        }
    }

    @Test
    void streamOpenedAfterDrainingStartedGets503() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of())) {
            CompletableFuture<HttpResponse<byte[]>> slow = sample.getAsync("/report?ms=" + SLOW_MILLIS);
            CompletableFuture<HttpResponse<byte[]>> poll = sample.getAsync("/notifications/poll");
            sample.awaitLines(line -> line.contains(STARTED), 2);

            sample.signal("TERM");
            sample.awaitLine(line -> line.contains("FLUX-0750")); // the open poll was ended: none is admitted any more
            assertThat(poll.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);

            HttpResponse<byte[]> late = sample.get("/notifications/events");
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(slow.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
        }
    }
}
