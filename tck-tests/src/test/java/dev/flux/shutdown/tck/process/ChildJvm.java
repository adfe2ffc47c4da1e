package dev.flux.shutdown.tck.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flux.shutdown.tck.app.Main;
import dev.flux.shutdown.tck.app.TckOutput;
import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * The test application ({@link Main}) running as a real JVM ({@link ChildProcess}): started with this JVM's java
 * binary and the application's runtime classpath, in a working directory of its own, with SIGINT at its default
 * disposition. Knows what the application prints; {@link #close()} always ends the process and removes its
 * directory.
 */
final class ChildJvm implements AutoCloseable {

    /** Set by the build: the application's compiled classes. */
    private static final String APP_CLASSES = "tck.app.classes";
    /** Set by the build: a file holding the application's runtime classpath (its dependencies). */
    private static final String APP_CLASSPATH_FILE = "tck.app.classpath-file";

    private final ChildProcess process;
    private final Path workDir;

    private ChildJvm(ChildProcess process, Path workDir) {
        this.process = process;
        this.workDir = workDir;
    }

    /** Starts the application with {@code -Dkey=value} for each of {@code systemProperties}. */
    static ChildJvm start(Map<String, String> systemProperties) throws IOException {
        return start(systemProperties, entry -> true, List.of());
    }

    /**
     * Starts the application with {@code -Dkey=value} for each of {@code systemProperties} and the JVM options
     * {@code jvmOptions} (such as {@code -XX:StartFlightRecording=...}), in that order.
     */
    static ChildJvm start(Map<String, String> systemProperties, List<String> jvmOptions) throws IOException {
        return start(systemProperties, entry -> true, jvmOptions);
    }

    /**
     * Starts the application with {@code -Dkey=value} for each of {@code systemProperties}, on the part of its
     * classpath that {@code keep} accepts (e.g. without an optional API, as a runtime without it would be).
     */
    static ChildJvm start(Map<String, String> systemProperties, Predicate<String> keep) throws IOException {
        return start(systemProperties, keep, List.of());
    }

    private static ChildJvm start(Map<String, String> systemProperties, Predicate<String> keep,
            List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(ChildProcess.SHORT_LIVED_JVM);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Stream.of(appClasspath().split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(Main.class.getName());

        ProcessBuilder builder = new ProcessBuilder(ChildProcess.withDefaultSigint(command));
        // the tests describe a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to every shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        Path workDir = Files.createTempDirectory("flux-tck-app-");
        try {
            return new ChildJvm(ChildProcess.start(builder.directory(workDir.toFile()), "tck application"),
                    workDir);
        } catch (IOException e) {
            deleteRecursively(workDir);
            throw e;
        }
    }

    /** The first output line that matches, waiting for it; fails if it does not come or the process ends first. */
    String awaitLine(Predicate<String> matching) throws InterruptedException {
        return process.awaitLine(matching);
    }

    /** Waits until {@code count} output lines have matched; fails like {@link #awaitLine} if they do not come. */
    void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        process.awaitLines(matching, count);
    }

    /** Waits for the HTTP server and returns the port it listens on. */
    int awaitHttpPort() throws InterruptedException {
        String line = awaitLine(l -> l.startsWith(TckOutput.HTTP_PORT));
        return Integer.parseInt(line.substring(TckOutput.HTTP_PORT.length()).trim());
    }

    /** The HTTP port, once {@link #awaitHttpPort()} has seen it. */
    int port() throws InterruptedException {
        return awaitHttpPort();
    }

    /** Waits for the line the application prints once it is up; its signal handlers are installed by then. */
    void awaitReady() throws InterruptedException {
        awaitLine(line -> line.startsWith(TckOutput.READY));
    }

    /** Sends {@code SIG<name>} ({@code TERM}, {@code INT}), as an operator or Kubernetes would. */
    void signal(String name) throws IOException, InterruptedException {
        process.signal(name);
    }

    /** Whether the process ignores {@code SIG<name>} from its start: the JVM then never handles it. */
    boolean ignoresSignal(String name) throws IOException {
        return process.ignoresSignal(name);
    }

    /**
     * Waits for the process to end, then for the last of its output, and returns its exit code; fails if it is
     * still running after {@link ChildProcess#TIMEOUT}.
     */
    int awaitExit() throws InterruptedException {
        return process.awaitExit();
    }

    /** The process id, e.g. to attach to the JVM. */
    long pid() {
        return process.pid();
    }

    /** The application's working directory, removed by {@link #close()}. */
    Path workDir() {
        return workDir;
    }

    /** Every output line so far, standard output and error merged in the order they were written. */
    List<String> output() {
        return process.output();
    }

    /** All the output so far as one text, for assertion descriptions. */
    String outputText() {
        return process.outputText();
    }

    @Override
    public void close() throws IOException {
        try {
            process.close();
        } finally {
            deleteRecursively(workDir);
        }
    }

    /** The test application's classpath: its classes and its runtime dependencies. */
    static String appClasspath() throws IOException {
        String classes = requiredProperty(APP_CLASSES);
        String dependencies = Files.readString(Path.of(requiredProperty(APP_CLASSPATH_FILE))).trim();
        return dependencies.isEmpty() ? classes : classes + File.pathSeparator + dependencies;
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + key + " is not set: run the process-level tests"
                    + " through Maven (tck-tests/pom.xml sets it)");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
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
