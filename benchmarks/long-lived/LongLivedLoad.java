import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The clients of drain-duration.sh: opens STREAMS event streams, SESSIONS WebSocket sessions, POLLS long polls and
 * SLOW slow requests against the quarkus-sample at BASE (http://127.0.0.1:PORT), prints {@code OPEN} once every stream
 * and session has its first message (the polls and slow requests are then sent, and the script waits for the
 * sample's log), then waits until every one has ended and prints how: {@code RESULT streams-clean=.. sessions-1001=..
 * polls-503=.. slow-200=.. failures=..}.
 *
 * <p>Run with {@code java LongLivedLoad.java BASE STREAMS SESSIONS POLLS SLOW SLOW_MS} (a single-file program).
 */
public final class LongLivedLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int streams = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int polls = Integer.parseInt(args[3]);
        int slow = Integer.parseInt(args[4]);
        long slowMillis = Long.parseLong(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Boolean>> streamEnds = new ArrayList<>();
        List<CompletableFuture<Void>> firsts = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<Boolean> ended = new CompletableFuture<>();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/notifications/events")).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
                public void onNext(String line) { if (line.startsWith("data:")) { first.complete(null); } }
                public void onError(Throwable t) { first.complete(null); ended.complete(false); }
                public void onComplete() { ended.complete(true); }
            })).exceptionally(t -> { first.complete(null); ended.complete(false); return null; });
            firsts.add(first);
            streamEnds.add(ended);
        }
        List<CompletableFuture<Integer>> closes = new ArrayList<>();
        URI chat = URI.create(base.replace("http:", "ws:") + "/chat");
        for (int i = 0; i < sessions; i++) {
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            client.newWebSocketBuilder().buildAsync(chat, new WebSocket.Listener() {
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    first.complete(null);
                    ws.request(1);
                    return null;
                }
                public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed.complete(code);
                    return null;
                }
                public void onError(WebSocket ws, Throwable t) { first.complete(null); closed.complete(-1); }
            }).exceptionally(t -> { first.complete(null); closed.complete(-1); return null; });
            firsts.add(first);
            closes.add(closed);
        }
        CompletableFuture.allOf(firsts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<CompletableFuture<Integer>> pollStatus = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            pollStatus.add(status(client, base + "/notifications/poll"));
        }
        List<CompletableFuture<Integer>> slowStatus = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            slowStatus.add(status(client, base + "/report?ms=" + slowMillis));
        }
        System.out.println("OPEN");
        System.out.flush();
        int clean = 0, goingAway = 0, unavailable = 0, ok = 0;
        for (CompletableFuture<Boolean> end : streamEnds) { clean += end.get(120, TimeUnit.SECONDS) ? 1 : 0; }
        for (CompletableFuture<Integer> close : closes) { goingAway += close.get(120, TimeUnit.SECONDS) == 1001 ? 1 : 0; }
        for (CompletableFuture<Integer> poll : pollStatus) { unavailable += poll.get(120, TimeUnit.SECONDS) == 503 ? 1 : 0; }
        for (CompletableFuture<Integer> s : slowStatus) { ok += s.get(120, TimeUnit.SECONDS) == 200 ? 1 : 0; }
        int failures = (streams - clean) + (sessions - goingAway) + (polls - unavailable) + (slow - ok);
        System.out.println("RESULT streams-clean=" + clean + " sessions-1001=" + goingAway + " polls-503=" + unavailable
                + " slow-200=" + ok + " failures=" + failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static CompletableFuture<Integer> status(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(t -> -1);
    }
}
