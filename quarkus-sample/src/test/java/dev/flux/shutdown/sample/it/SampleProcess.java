package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.flux.shutdown.testsupport.OutputLines;

/**
 * The packaged sample ({@code target/quarkus-app/quarkus-run.jar}) running as a real JVM, started with this JVM's
 * {@code java} in a working directory of its own (its database, audit trail and checkpoints live there), on a port
 * it chooses. Every wait is bounded and fails with the whole output; {@link #close()} ends the process and removes
 * the directory if it made it (a directory given to {@link #start(Map, Path)} belongs to the caller).
 */
final class SampleProcess implements AutoCloseable {

    /** Upper bound of every wait: generous for a loaded machine; a passing test never waits this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^ ]+:(\\d+)");

    private final Process process;
    private final OutputLines output;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private int port;

    private SampleProcess(Process process, OutputLines output, Path workDir, boolean ownsWorkDir) {
        this.process = process;
        this.output = output;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
    }

    /** Starts the sample with {@code -Dkey=value} for each property and waits until it listens. */
    static SampleProcess start(Map<String, String> properties) throws IOException, InterruptedException {
        return awaitListening(launch(properties, Files.createTempDirectory("flux-quarkus-sample-"), true));
    }

    /**
     * Starts the sample in {@code workDir}, e.g. a second time on the files of a first run; the directory is the
     * caller's to remove.
     */
    static SampleProcess start(Map<String, String> properties, Path workDir) throws IOException, InterruptedException {
        return awaitListening(launch(properties, workDir, false));
    }

    private static SampleProcess awaitListening(SampleProcess sample) throws IOException, InterruptedException {
        String line = sample.awaitLine(l -> LISTENING.matcher(l).find() || l.contains("Failed to start"));
        Matcher listening = LISTENING.matcher(line);
        if (!listening.find()) {
            String output = sample.outputText();
            sample.close();
            fail("The sample did not start; output:%n%s", output);
        }
        sample.port = Integer.parseInt(listening.group(1));
        return sample;
    }

    /** Starts the sample and returns at once, for a start that is expected to fail. */
    static SampleProcess launch(Map<String, String> properties) throws IOException {
        return launch(properties, Files.createTempDirectory("flux-quarkus-sample-"), true);
    }

    /**
     * Starts the sample with {@code environment} added to this JVM's (as a pod's manifest gives it) and waits until
     * it listens.
     */
    static SampleProcess startWithEnvironment(Map<String, String> properties, Map<String, String> environment)
            throws IOException, InterruptedException {
        return awaitListening(launch(properties, environment, Files.createTempDirectory("flux-quarkus-sample-"),
                true));
    }

    /** Starts the sample with {@code environment} added and returns at once, for a start expected to fail. */
    static SampleProcess launchWithEnvironment(Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        return launch(properties, environment, Files.createTempDirectory("flux-quarkus-sample-"), true);
    }

    private static SampleProcess launch(Map<String, String> properties, Path workDir, boolean ownsWorkDir)
            throws IOException {
        return launch(properties, Map.of(), workDir, ownsWorkDir);
    }

    private static SampleProcess launch(Map<String, String> properties, Map<String, String> environment,
            Path workDir, boolean ownsWorkDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM on a shared machine: quick start, few threads
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=0");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // the tests describe a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to every shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new SampleProcess(process, OutputLines.readFrom(process.getInputStream(),
                "sample-output-" + process.pid()), workDir, ownsWorkDir);
    }

    Path workDir() {
        return workDir;
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
            fail("The sample is still running after %s; output:%n%s", TIMEOUT, output.text());
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

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path) throws IOException, InterruptedException {
        return client.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    int port() {
        return port;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            output.awaitEnd(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsWorkDir) {
                deleteRecursively(workDir);
            }
        }
    }

    private static Path jar() {
        String jar = System.getProperty("sample.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property sample.jar (" + jar + ") must name the packaged sample:"
                    + " run these tests with Maven (verify), after package");
        }
        return Path.of(jar);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
