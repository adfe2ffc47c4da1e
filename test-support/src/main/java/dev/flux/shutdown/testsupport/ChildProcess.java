package dev.flux.shutdown.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A process a test started (a JVM, a server's launcher), its output and error read line by line as they come, and
 * signalled as an operator or Kubernetes would (see {@link Signals}). Every wait is bounded and fails with the
 * whole output, so that a failing test says what the process said; {@link #close()} ends it and whatever it started.
 * The one place where the tests start, wait for and signal a process.
 */
public final class ChildProcess implements AutoCloseable {

    /** Default bound of every wait: generous for a loaded machine; a passing test never waits this long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Options for a short-lived JVM on a shared machine: quick to start, few threads. */
    public static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Pattern QUARKUS_LISTENING = Pattern.compile("Listening on: http://[^ ]+:(\\d+)");
    private static final Map<String, Integer> SIGNAL_NUMBERS = Map.of("HUP", 1, "INT", 2, "TERM", 15);

    /** Whether this machine's {@code env} can reset SIGINT to its default for a child (GNU coreutils 8.31+). */
    private static final boolean ENV_RESETS_SIGINT = envResetsSigint();

    private final Process process;
    private final OutputLines output;
    private final String name;
    private final Duration bound;

    private ChildProcess(Process process, String name, Duration bound) {
        this.process = process;
        this.name = name;
        this.bound = bound;
        this.output = OutputLines.readFrom(process.getInputStream(), name + "-output-" + process.pid());
    }

    /** Starts {@code builder} with its error output merged into its output; {@code name} names it in failures. */
    public static ChildProcess start(ProcessBuilder builder, String name) throws IOException {
        return start(builder, name, TIMEOUT);
    }

    /** Like {@link #start(ProcessBuilder, String)}, with {@code bound} as the bound of every wait. */
    public static ChildProcess start(ProcessBuilder builder, String name, Duration bound) throws IOException {
        return new ChildProcess(builder.redirectErrorStream(true).start(), name, bound);
    }

    /** This JVM's {@code java} binary, so that a child runs on the Java the tests run on. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code command} run with SIGINT at its default disposition where {@code env} can do it: a build started in
     * the background (CI, nohup) ignores SIGINT, and so would every JVM it starts; this gives the child the
     * disposition an interactive user's process has.
     */
    public static List<String> withDefaultSigint(List<String> command) {
        if (!ENV_RESETS_SIGINT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("env", "--default-signal=INT"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The command that runs a packaged Quarkus application ({@code quarkus-run.jar}) with this JVM's {@code java}, on
     * a port it chooses, with {@code -Dkey=value} for each property.
     */
    public static List<String> quarkusCommand(Path jar, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(SHORT_LIVED_JVM);
        command.add("-Dquarkus.http.port=0");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * The port a Quarkus application reports it listens on ({@code Listening on: http://...:PORT}), waiting for
     * the line; fails, and ends the process, if it reports a failed start instead.
     */
    public int awaitQuarkusPort() throws InterruptedException {
        String line = awaitLine(l -> QUARKUS_LISTENING.matcher(l).find() || l.contains("Failed to start"));
        Matcher listening = QUARKUS_LISTENING.matcher(line);
        if (!listening.find()) {
            String text = output.text();
            close();
            throw new AssertionError("The " + name + " did not start; output:\n" + text);
        }
        return Integer.parseInt(listening.group(1));
    }

    /** The first output line that matches, waiting for it; fails if none comes or the output ends first. */
    public String awaitLine(Predicate<String> matching) throws InterruptedException {
        return awaitLine(matching, bound);
    }

    /** Like {@link #awaitLine(Predicate)}, waiting up to {@code timeout}. */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        Optional<String> line = output.await(matching, timeout);
        if (line.isEmpty()) {
            throw new AssertionError("No matching line from the " + name + " " + (output.awaitEnd(Duration.ZERO)
                    ? "before its output ended" : "within " + timeout) + "; output:\n" + output.text());
        }
        return line.get();
    }

    /** Waits until {@code count} lines have matched. */
    public void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        int[] seen = { 0 };
        awaitLine(line -> matching.test(line) && ++seen[0] == count);
    }

    /** Sends {@code SIG<signal>} ({@code TERM}, {@code INT}, {@code HUP}, {@code KILL}) to the process. */
    public void signal(String signal) throws IOException, InterruptedException {
        Signals.send(process.toHandle(), signal);
    }

    /**
     * Sends SIGTERM, whether or not the process still runs (a test that races it against the process's own end).
     * Through the handle: {@link Process#destroy()} would also close the output still to be read.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL, whether or not the process still runs, keeping the output it printed before it died. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Writes one line to the process's standard input. */
    public void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /**
     * Whether the process ignores {@code SIG<name>} from its start, as every process does that was started with the
     * signal ignored (a background job of a non-interactive shell ignores SIGINT): a JVM then never handles it.
     * Reads {@code /proc}; {@code false} where there is none.
     */
    public boolean ignoresSignal(String signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        int number = SIGNAL_NUMBERS.get(signal);
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16))
                    .anyMatch(mask -> mask.testBit(number - 1));
        }
    }

    /** Waits for the process and the last of its output; its exit code. */
    public int awaitExit() throws InterruptedException {
        return awaitExit(bound);
    }

    /** Like {@link #awaitExit()}, waiting up to {@code timeout} for each. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The " + name + " is still running after " + timeout + "; output:\n"
                    + output.text());
        }
        if (!output.awaitEnd(timeout)) {
            throw new AssertionError("The output of the " + name + " did not end within " + timeout
                    + " of the process; output:\n" + output.text());
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** The process itself, e.g. to find the JVM a launcher script started among its descendants. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every output line so far, output and error merged in the order they were written. */
    public List<String> output() {
        return output.lines();
    }

    /** All the output so far as one text, for assertion descriptions. */
    public String outputText() {
        return output.text();
    }

    /** Ends the process and whatever it started at once, and waits, bounded, for them and the output. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(bound.toSeconds(), TimeUnit.SECONDS);
            output.awaitEnd(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
