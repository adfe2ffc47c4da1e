package dev.flux.shutdown.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client side of the long-lived scenario that the Weld SE process test and the Quarkus sample both play: event
 * streams, long polls and WebSocket sessions opened against a running service, and the checks on how the service
 * ended them at DRAINING (a clean end of stream with a {@code retry:} hint, a 503 with {@code Retry-After}, a
 * close frame "going away"). Plain {@link AssertionError}s, so that this module keeps no dependencies.
 */
public final class LongLivedClients {

    /** The close code of a WebSocket session ended because the server is going away. */
    public static final int GOING_AWAY = 1001;
    private static final long WAIT_SECONDS = 30;

    private final List<EventStream> streams = new ArrayList<>();
    private final List<CompletableFuture<HttpResponse<byte[]>>> polls = new ArrayList<>();
    private final List<WebSocketClient> sessions = new ArrayList<>();

    private LongLivedClients() {
    }

    /**
     * Opens {@code streams} event streams of {@code events}, then {@code polls} long polls with {@code poll}, then
     * {@code sessions} WebSocket sessions with {@code chat}, all through {@code client} (HTTP/1.1: one connection
     * each).
     */
    public static LongLivedClients open(HttpClient client, URI events, int streams,
            Supplier<CompletableFuture<HttpResponse<byte[]>>> poll, int polls, URI chat, int sessions) {
        LongLivedClients clients = new LongLivedClients();
        for (int i = 0; i < streams; i++) {
            clients.streams.add(EventStream.open(client, events));
        }
        for (int i = 0; i < polls; i++) {
            clients.polls.add(poll.get());
        }
        for (int i = 0; i < sessions; i++) {
            clients.sessions.add(WebSocketClient.connect(client, chat));
        }
        return clients;
    }

    /** How many requests were opened: streams, polls and sessions (each logs one "started" line). */
    public int requests() {
        return streams.size() + polls.size() + sessions.size();
    }

    /** Waits until every stream has sent its first event ({@code open ...}) and every session its welcome. */
    public void awaitOpen() throws Exception {
        for (EventStream stream : streams) {
            String first = stream.firstData().get(WAIT_SECONDS, TimeUnit.SECONDS);
            check(first.startsWith("open "), "first event of a stream: " + first);
        }
        for (WebSocketClient session : sessions) {
            String first = session.firstMessage().get(WAIT_SECONDS, TimeUnit.SECONDS);
            check(first.equals("welcome"), "first message of a session: " + first);
        }
    }

    /** What the readiness document must contain while all are open, e.g. {@code "sse-streams":100}. */
    public String[] readinessCounts() {
        return new String[] {"\"sse-streams\":" + streams.size(), "\"long-polls\":" + polls.size(),
                "\"websocket-sessions\":" + sessions.size()};
    }

    /** What the DRAINING report line says it ended. */
    public String endedSummary() {
        return "ended " + streams.size() + " SSE streams, " + polls.size() + " long polls, " + sessions.size()
                + " WebSocket sessions";
    }

    /**
     * Waits until the service has ended them all politely: each poll answered 503 with {@code Retry-After: 5}, each
     * stream ended cleanly (not cut) after the event {@code lastEvent} and a {@code retry: 1000} hint, each session
     * closed "going away".
     *
     * @return the polls' responses, for checks of a particular runtime
     */
    public List<HttpResponse<byte[]>> awaitEndedAtDraining(String lastEvent) throws Exception {
        List<HttpResponse<byte[]>> refused = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> poll : polls) {
            HttpResponse<byte[]> r = poll.get(WAIT_SECONDS, TimeUnit.SECONDS);
            check(r.statusCode() == 503, "status of a long poll: " + r.statusCode());
            check(r.headers().firstValue("Retry-After").equals(Optional.of("5")),
                    "Retry-After of a long poll: " + r.headers().firstValue("Retry-After"));
            refused.add(r);
        }
        for (EventStream stream : streams) {
            stream.ended().get(WAIT_SECONDS, TimeUnit.SECONDS); // throws if the stream was cut, not ended
            check(stream.data().contains(lastEvent), "the last event " + lastEvent + " in " + stream.lines());
            check(stream.lines().stream().anyMatch(line -> line.matches("retry: ?1000")),
                    "the retry hint in " + stream.lines());
        }
        for (WebSocketClient session : sessions) {
            int code = session.closeCode().get(WAIT_SECONDS, TimeUnit.SECONDS);
            check(code == GOING_AWAY, "close code of a session: " + code);
        }
        return refused;
    }

    /** The streams, for checks of a particular runtime once {@link #awaitEndedAtDraining} returned. */
    public List<EventStream> streams() {
        return List.copyOf(streams);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("unexpected " + what);
        }
    }
}
