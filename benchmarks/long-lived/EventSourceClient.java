import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An EventSource as browsers implement it, for the reconnect proof (run.sh beside this file): reads a server-sent
 * event stream, honours {@code retry:}, and when the stream ends reconnects to the same URL (through the load
 * balancer) after the retry delay. Prints one line per fact, with the milliseconds since it started:
 * {@code CONNECTED <status>}, {@code DATA <text>}, {@code RETRY <ms>}, {@code END clean} or {@code END cut <error>}.
 * Like an EventSource, it gives up on a response that is not 200 (prints {@code FAILED <status>}).
 *
 * <p>Run with {@code java EventSourceClient.java URL SECONDS} (a single-file program: no build).
 */
public final class EventSourceClient {

    private static final long START = System.nanoTime();

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long retryMillis = 3000; // the browsers' default until the server sends retry:
        while (System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("Cache-Control", "no-cache").GET().build();
            HttpResponse<java.io.InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                print("END cut " + e);
                Thread.sleep(retryMillis);
                continue;
            }
            if (response.statusCode() != 200) {
                print("FAILED " + response.statusCode());
                System.exit(2);
            }
            print("CONNECTED " + response.statusCode());
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        print("DATA " + line.substring(5).strip());
                    } else if (line.startsWith("retry:")) {
                        retryMillis = Long.parseLong(line.substring(6).strip());
                        print("RETRY " + retryMillis);
                    }
                }
                print("END clean");
            } catch (IOException e) {
                print("END cut " + e);
            }
            Thread.sleep(retryMillis);
        }
    }

    private static void print(String fact) {
        System.out.println((System.nanoTime() - START) / 1_000_000 + " " + fact);
        System.out.flush();
    }
}
