package dev.flux.shutdown.tck.process;

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

import dev.flux.shutdown.tck.app.TckOutput;
import dev.flux.shutdown.testsupport.EventStream;
import dev.flux.shutdown.testsupport.LongLivedClients;
import dev.flux.shutdown.testsupport.LongLivedScenario;
import dev.flux.shutdown.testsupport.WebSocketClient;

/**
 * Long-lived responses over real HTTP at SIGTERM: open server-sent event streams and long polls are ended politely at
 * the start of DRAINING (a clean end of stream with a {@code retry:} hint; a 503 with {@code Retry-After}), so that
 * DRAINING waits only for the ordinary requests.
 */
class LongLivedProcessTest {

    private static final String STARTED = "FLUX-TCK STARTED ";

    @Test
    void streamsLongPollsAndWebSocketsEndAtDrainingWhichEndsWithTheOrdinaryRequests() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.sse.last-event", "bye"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            LongLivedClients clients = LongLivedScenario.open(streamClient,
                    URI.create("http://127.0.0.1:" + app.port() + "/long-lived/events"),
                    () -> http.getAsync("/long-lived/poll"),
                    URI.create("ws://127.0.0.1:" + webSocketPort(app) + "/chat"));
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                slow.add(http.getAsync("/slow?ms=" + SLOW_MILLIS));
            }
            app.awaitLines(line -> line.startsWith(STARTED), clients.requests() + SLOW);
            clients.awaitOpen();
            assertThat(readiness(http)).contains("\"in-flight\":" + (SLOW + 1)).contains(clients.readinessCounts());

            app.signal("TERM");

            assertThat(clients.awaitEndedAtDraining("bye"))
                    .allSatisfy(r -> assertThat(r.headers().firstValue("Connection")).hasValue("close"));
            for (EventStream stream : clients.streams()) {
                assertThat(stream.lines()).as("the last event, then the end of the stream")
                        .contains("data: bye", "retry: 1000");
            }
            for (CompletableFuture<HttpResponse<byte[]>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS)).satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("done");
                });
            }
            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            LongLivedScenario.checkDraining(app.output(), clients);
        }
    }

    @Test
    void streamPollOrSessionOpenedAfterDrainingStartedIsRefused() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of())) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            CompletableFuture<HttpResponse<byte[]>> slow = http.getAsync("/slow?ms=" + SLOW_MILLIS);
            CompletableFuture<HttpResponse<byte[]>> poll = http.getAsync("/long-lived/poll");
            app.awaitLines(line -> line.startsWith(STARTED), 2);

            app.signal("TERM");
            app.awaitLine(line -> line.contains("FLUX-0750")); // the open poll was ended: none is admitted any more
            assertThat(poll.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);

            HttpResponse<byte[]> late = http.get("/long-lived/events");
            assertThat(late.statusCode()).isEqualTo(503);
            assertThat(late.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(http.get("/long-lived/poll").statusCode()).isEqualTo(503);
            WebSocketClient lateSession = WebSocketClient.connect(HttpClient.newHttpClient(),
                    URI.create("ws://127.0.0.1:" + webSocketPort(app) + "/chat"));
            assertThat(lateSession.closeCode().get(30, TimeUnit.SECONDS)).as("closed as soon as it opens")
                    .isEqualTo(LongLivedClients.GOING_AWAY);
            assertThat(slow.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(app.awaitExit()).isZero();
        }
    }

    @Test
    void libraryLoadsAndEndsStreamsWhereTheWebSocketApiIsAbsent() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of(), entry -> !entry.contains("websocket") && !entry.contains("tyrus"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            EventStream stream = EventStream.open(client, URI.create("http://127.0.0.1:" + app.port()
                    + "/long-lived/events"));
            assertThat(stream.firstData().get(30, TimeUnit.SECONDS)).startsWith("open ");
            assertThat(readiness(http)).contains("\"websocket-sessions\":0");

            app.signal("TERM");

            stream.ended().get(30, TimeUnit.SECONDS);
            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            assertThat(app.output()).noneMatch(line -> line.contains("FLUX-0006") || line.contains("FLUX-0005"))
                    .anyMatch(line -> line.contains("ended 1 SSE stream, 0 long polls, 0 WebSocket sessions"));
        }
    }

    private static int webSocketPort(ChildJvm app) throws InterruptedException {
        return Integer.parseInt(app.awaitLine(line -> line.startsWith(TckOutput.WS_PORT))
                .substring(TckOutput.WS_PORT.length()).trim());
    }

    private static String readiness(HttpProbe http) throws Exception {
        return new String(http.get("/health/ready").body(), StandardCharsets.UTF_8);
    }
}
