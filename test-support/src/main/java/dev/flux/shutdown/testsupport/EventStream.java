package dev.flux.shutdown.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * A server-sent event stream read by a real HTTP client (the JDK's), line by line, as an {@code EventSource} reads it.
 * It tells apart the two ways a stream can end: {@link #ended() cleanly} (the response's end, e.g. the chunked
 * terminator, was received) or {@link #ended() exceptionally} (the connection was reset or closed mid-response).
 */
public final class EventStream {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> firstData = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    private EventStream(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        this.response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()));
        response.whenComplete((r, failure) -> {
            if (failure != null) {
                ended.completeExceptionally(failure);
                firstData.completeExceptionally(failure);
            }
        });
    }

    /** Opens a stream of {@code uri} with {@code client} (HTTP/1.1: one connection per stream). */
    public static EventStream open(HttpClient client, URI uri) {
        return new EventStream(client, uri);
    }

    /** The response, once its headers have arrived. */
    public CompletableFuture<HttpResponse<Void>> response() {
        return response;
    }

    /** The text of the first {@code data:} line, once it has arrived. */
    public CompletableFuture<String> firstData() {
        return firstData;
    }

    /** Completes normally when the stream ended cleanly, exceptionally when it was cut. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Every line received so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The {@code data:} lines received so far, without the field name. */
    public List<String> data() {
        return lines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring("data:".length()).strip()).toList();
    }

    private final class Lines implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
            if (line.startsWith("data:")) {
                firstData.complete(line.substring("data:".length()).strip());
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.completeExceptionally(failure);
            firstData.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
