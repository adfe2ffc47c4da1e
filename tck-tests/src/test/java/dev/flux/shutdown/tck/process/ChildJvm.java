package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.flux.shutdown.tck.app.Main;
import dev.flux.shutdown.tck.app.TckOutput;
import dev.flux.shutdown.testsupport.OutputLines;

/**
 * The test application ({@link Main}) running as a real JVM: started with this JVM's java binary and the
 * application's runtime classpath, in a working directory of its own, with its standard output and error merged
 * into one list of lines. Every wait is bounded and fails with all the output so far; {@link #close()} always
 * ends the process and removes its directory.
 */
final class ChildJvm implements AutoCloseable {

    /** Upper bound of every wait: generous, for a loaded machine; a passing test never waits this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Set by the build: the application's compiled classes. */
    private static final String APP_CLASSES = "tck.app.classes";
    /** Set by the build: a file holding the application's runtime classpath (its dependencies). */
    private static final String APP_CLASSPATH_FILE = "tck.app.classpath-file";

    private static final Map<String, Integer> SIGNAL_NUMBERS = Map.of("INT", 2, "TERM", 15);

    /** Whether this machine's {@code env} can reset SIGINT to its default for the child (GNU coreutils 8.31+). */
    private static final boolean DEFAULT_SIGINT = envResetsSigint();

    private final Process process;
    private final OutputLines output;
    private final Path workDir;

    private ChildJvm(Process process, OutputLines output, Path workDir) {
        this.process = process;
        this.output = output;
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
        if (DEFAULT_SIGINT) {
            // a build started in the background (CI, nohup) ignores SIGINT, and so would every JVM it starts:
            // give the application the disposition an interactive user's process has
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM on a shared machine: quick start, few threads
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Stream.of(appClasspath().split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(Main.class.getName());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the tests describe a plain machine: on Kubernetes, readiness-delay=auto would add 5 s to every shutdown
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        Path workDir = Files.createTempDirectory("flux-tck-app-");
        Process process;
        try {
            process = builder.directory(workDir.toFile()).start();
        } catch (IOException e) {
            deleteRecursively(workDir);
            throw e;
        }
        OutputLines output = OutputLines.readFrom(process.getInputStream(), "flux-tck-output-" + process.pid());
        return new ChildJvm(process, output, workDir);
    }

    /** The first output line that matches, waiting for it; fails if it does not come or the process ends first. */
    String awaitLine(Predicate<String> matching) throws InterruptedException {
        Optional<String> line = output.await(matching, TIMEOUT);
        if (line.isEmpty()) {
            fail("No matching line %s; output:%n%s",
                    output.awaitEnd(Duration.ZERO) ? "before the output ended" : "within " + TIMEOUT, output.text());
        }
        return line.get();
    }

    /** Waits until {@code count} output lines have matched; fails like {@link #awaitLine} if they do not come. */
    void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        int[] seen = { 0 };
        awaitLine(line -> matching.test(line) && ++seen[0] == count);
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

    /** Sends {@code SIG<name>} ({@code TERM}, {@code INT}) with {@code kill}, as an operator or Kubernetes would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            fail("kill -%s did not finish within %s", name, TIMEOUT);
        }
        if (kill.exitValue() != 0) {
            fail("kill -%s %d failed with %d: %s; output:%n%s", name, process.pid(), kill.exitValue(),
                    new String(kill.getInputStream().readAllBytes()), output.text());
        }
    }

    /**
     * Whether the process ignores {@code SIG<name>} from its start, as every process does that was started with the
     * signal ignored (a background job of a non-interactive shell ignores SIGINT): the JVM then never handles it.
     * Reads {@code /proc}; {@code false} where there is none.
     */
    boolean ignoresSignal(String name) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        int number = SIGNAL_NUMBERS.get(name);
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                    .anyMatch(mask -> mask.testBit(number - 1));
        }
    }

    /**
     * Waits for the process to end, then for the last of its output, and returns its exit code; fails if it is
     * still running after {@link #TIMEOUT}.
     */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("The process is still running after %s; output:%n%s", TIMEOUT, output.text());
        }
        if (!output.awaitEnd(TIMEOUT)) {
            fail("The output did not end within %s of the process; output:%n%s", TIMEOUT, output.text());
        }
        return process.exitValue();
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
        return output.lines();
    }

    /** All the output so far as one text, for assertion descriptions. */
    String outputText() {
        return output.text();
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

    private static boolean envResetsSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
