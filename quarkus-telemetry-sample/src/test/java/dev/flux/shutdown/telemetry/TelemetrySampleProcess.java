package dev.flux.shutdown.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a real JVM on a port it chooses, started
 * with this JVM's {@code java}; {@link #close()} ends it.
 */
final class TelemetrySampleProcess implements AutoCloseable {

    static final Duration TIMEOUT = ChildProcess.TIMEOUT;

    private final ChildProcess process;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    private TelemetrySampleProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with {@code -Dkey=value} for each property and waits until it listens. */
    static TelemetrySampleProcess start(Map<String, String> properties) throws IOException, InterruptedException {
        List<String> command = ChildProcess.quarkusCommand(jar(), properties);
        ProcessBuilder builder = new ProcessBuilder(command);
        // a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to the shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        ChildProcess process = ChildProcess.start(builder, "telemetry sample");
        return new TelemetrySampleProcess(process, process.awaitQuarkusPort());
    }

    /** The process itself: its output, signals, exit. */
    ChildProcess process() {
        return process;
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path jar() {
        String jar = System.getProperty("sample.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property sample.jar (" + jar + ") must name the packaged service:"
                    + " run these tests with Maven (verify), after package");
        }
        return Path.of(jar);
    }
}
