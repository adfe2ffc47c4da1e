package dev.flux.shutdown.sample.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;


import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * The packaged sample ({@code target/quarkus-app/quarkus-run.jar}) running as a real JVM, started with this JVM's
 * {@code java} in a working directory of its own (its database, audit trail and checkpoints live there), on a port
 * it chooses. Every wait is bounded and fails with the whole output; {@link #close()} ends the process and removes
 * the directory if it made it (a directory given to {@link #start(Map, Path)} belongs to the caller).
 */
final class SampleProcess implements AutoCloseable {

    /** Upper bound of every wait: generous for a loaded machine; a passing test never waits this long. */
    static final Duration TIMEOUT = ChildProcess.TIMEOUT;

    private final ChildProcess process;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private int port;

    private SampleProcess(ChildProcess process, Path workDir, boolean ownsWorkDir) {
        this.process = process;
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
        try {
            sample.port = sample.process.awaitQuarkusPort();
        } catch (AssertionError notStarted) {
            sample.close();
            throw notStarted;
        }
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
        List<String> command = ChildProcess.quarkusCommand(jar(), properties);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // the tests describe a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to every shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        builder.environment().putAll(environment);
        return new SampleProcess(ChildProcess.start(builder, "sample"), workDir, ownsWorkDir);
    }

    Path workDir() {
        return workDir;
    }

    /** The first output line that matches, waiting for it; fails if none comes or the output ends first. */
    String awaitLine(Predicate<String> matching) throws InterruptedException {
        return process.awaitLine(matching);
    }

    /** Waits until {@code count} lines have matched. */
    void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        process.awaitLines(matching, count);
    }

    /** Sends {@code SIG<name>}, as an operator or Kubernetes would. */
    void signal(String name) throws IOException, InterruptedException {
        process.signal(name);
    }

    /** Waits for the process and the last of its output; its exit code. */
    int awaitExit() throws InterruptedException {
        return process.awaitExit();
    }

    List<String> output() {
        return process.output();
    }

    String outputText() {
        return process.outputText();
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
        try {
            process.close();
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
