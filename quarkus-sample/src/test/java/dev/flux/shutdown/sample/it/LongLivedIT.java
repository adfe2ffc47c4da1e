package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.testsupport.EventStream;
import dev.flux.shutdown.testsupport.WebSocketClient;

/**
 * Long-lived responses in the packaged Quarkus sample at a real SIGTERM: open event streams end cleanly with a
 * {@code retry:} hint, long polls get 503, and DRAINING waits only for the ordinary requests (Quarkus REST on Vert.x;
 * the Weld SE process test shows the same on Jersey).
 */
class LongLivedIT {

    private static final String STARTED = "sample: started ";
    private static final int STREAMS = 100;
    private static final int POLLS = 20;
    private static final int SESSIONS = 50;
    private static final int SLOW = 10;
    private static final int GOING_AWAY = 1001;
    private static final long SLOW_MILLIS = 3000;
    private static final Pattern DRAINING = Pattern.compile("FLUX-0010 DRAINING +([0-9.]+)(ms|s) +ok ");

    @Test
    void streamsLongPollsAndWebSocketsEndAtDrainingWhichEndsWithTheOrdinaryRequests() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of("flux.shutdown.drain.sse.last-event", "bye"))) {
            HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<EventStream> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                streams.add(EventStream.open(streamClient,
                        URI.create("http://127.0.0.1:" + sample.port() + "/notifications/events")));
            }
            List<CompletableFuture<HttpResponse<byte[]>>> polls = new ArrayList<>();
            for (int i = 0; i < POLLS; i++) {
                polls.add(sample.getAsync("/notifications/poll"));
            }
            URI chat = URI.create("ws://127.0.0.1:" + sample.port() + "/chat");
            List<WebSocketClient> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(WebSocketClient.connect(streamClient, chat));
            }
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                slow.add(sample.getAsync("/report?ms=" + SLOW_MILLIS));
            }
            sample.awaitLines(line -> line.contains(STARTED), STREAMS + POLLS + SESSIONS + SLOW);
            for (EventStream stream : streams) {
                assertThat(stream.firstData().get(30, TimeUnit.SECONDS)).startsWith("open ");
            }
            for (WebSocketClient session : sessions) {
                assertThat(session.firstMessage().get(30, TimeUnit.SECONDS)).isEqualTo("welcome");
            }
            assertThat(new String(sample.get("/q/health/ready").body(), StandardCharsets.UTF_8).replaceAll("\\s", ""))
                    .contains("\"sse-streams\":" + STREAMS).contains("\"long-polls\":" + POLLS)
                    .contains("\"websocket-sessions\":" + SESSIONS);

            sample.signal("TERM");

            for (CompletableFuture<HttpResponse<byte[]>> poll : polls) {
                assertThat(poll.get(30, TimeUnit.SECONDS)).satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
                });
            }
            for (EventStream stream : streams) {
                stream.ended().get(30, TimeUnit.SECONDS); // throws if the stream was cut, not ended
                assertThat(stream.data()).as("the last event").contains("bye");
                assertThat(stream.lines()).as("the retry hint").anyMatch(line -> line.matches("retry: ?1000"));
            }
            for (WebSocketClient session : sessions) {
                assertThat(session.closeCode().get(30, TimeUnit.SECONDS)).isEqualTo(GOING_AWAY);
            }
            for (CompletableFuture<HttpResponse<byte[]>> report : slow) {
                assertThat(report.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            String draining = sample.output().stream().filter(line -> line.contains("FLUX-0010 DRAINING")).findFirst()
                    .orElseThrow();
            assertThat(draining).contains(SLOW + " in flight at start, all finished")
                    .contains("ended " + STREAMS + " SSE streams, " + POLLS + " long polls, " + SESSIONS
                            + " WebSocket sessions");
            assertThat(drainingDuration(draining)).as(draining)
                    .isLessThan(Duration.ofMillis(SLOW_MILLIS).plusSeconds(5));
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

    private static Duration drainingDuration(String reportLine) {
        Matcher m = DRAINING.matcher(reportLine);
        assertThat(m.find()).as(reportLine).isTrue();
        double value = Double.parseDouble(m.group(1));
        return Duration.ofMillis((long) (m.group(2).equals("s") ? value * 1000 : value));
    }
}
