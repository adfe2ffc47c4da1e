package dev.flux.shutdown.telemetry;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flux.shutdown.testsupport.OutputLines;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a real JVM on a port it chooses, started
 * with this JVM's {@code java}. Every wait is bounded and fails with the whole output; {@link #close()} ends it.
 */
final class TelemetrySampleProcess implements AutoCloseable {

    /** Upper bound of every wait: generous for a loaded machine; a passing test never waits this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^ ]+:(\\d+)");

    private final Process process;
    private final OutputLines output;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private int port;

    private TelemetrySampleProcess(Process process) {
        this.process = process;
        this.output = OutputLines.readFrom(process.getInputStream(), "telemetry-sample-output-" + process.pid());
    }

    /** Starts the service with {@code -Dkey=value} for each property and waits until it listens. */
    static TelemetrySampleProcess start(Map<String, String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM on a shared machine: quick start, few threads
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=0");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to the shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        TelemetrySampleProcess sample = new TelemetrySampleProcess(builder.start());
        String line = sample.awaitLine(l -> LISTENING.matcher(l).find() || l.contains("Failed to start"));
        Matcher listening = LISTENING.matcher(line);
        if (!listening.find()) {
            String text = sample.outputText();
            sample.close();
            fail("The service did not start; output:%n%s", text);
        }
        sample.port = Integer.parseInt(listening.group(1));
        return sample;
    }

    /** The first output line that matches, waiting for it; fails if none comes or the output ends first. */
    String awaitLine(Predicate<String> matching) throws InterruptedException {
        Optional<String> line = output.await(matching, TIMEOUT);
        if (line.isEmpty()) {
            fail("No matching line %s; output:%n%s",
                    output.awaitEnd(Duration.ZERO) ? "before the output ended" : "within " + TIMEOUT, output.text());
        }
        return line.get();
    }

    /** Waits until {@code count} lines have matched. */
    void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        int[] seen = { 0 };
        awaitLine(line -> matching.test(line) && ++seen[0] == count);
    }

    /** Sends {@code SIG<name>} with {@code kill}, as an operator or Kubernetes would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true)
                .start();
        if (!kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            fail("kill -%s %d failed: %s", name, process.pid(), new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** Waits for the process and the last of its output; its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("The service is still running after %s; output:%n%s", TIMEOUT, output.text());
        }
        if (!output.awaitEnd(TIMEOUT)) {
            fail("The output did not end within %s of the process; output:%n%s", TIMEOUT, output.text());
        }
        return process.exitValue();
    }

    List<String> output() {
        return output.lines();
    }

    String outputText() {
        return output.text();
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            output.awaitEnd(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
