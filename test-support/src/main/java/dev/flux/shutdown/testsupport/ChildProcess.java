package dev.flux.shutdown.testsupport;

import java.io.IOException;
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

/**
 * A process a test started, its output read line by line as it comes. Every wait is bounded and fails with the
 * whole output, so that a failing test says what the process said; {@link #close()} ends it.
 */
public final class ChildProcess implements AutoCloseable {

    /** Upper bound of every wait: generous for a loaded machine; a passing test never waits this long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern QUARKUS_LISTENING = Pattern.compile("Listening on: http://[^ ]+:(\\d+)");

    private final Process process;
    private final OutputLines output;
    private final String name;

    private ChildProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        this.output = OutputLines.readFrom(process.getInputStream(), name + "-output-" + process.pid());
    }

    /**
     * The command that runs a packaged Quarkus application ({@code quarkus-run.jar}) with this JVM's {@code java}, on
     * a port it chooses, with {@code -Dkey=value} for each property; flags for a short-lived JVM on a shared machine.
     */
    public static List<String> quarkusCommand(Path jar, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=0");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Starts {@code builder} with its error output merged into its output; {@code name} names it in failures. */
    public static ChildProcess start(ProcessBuilder builder, String name) throws IOException {
        return new ChildProcess(builder.redirectErrorStream(true).start(), name);
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
        Optional<String> line = output.await(matching, TIMEOUT);
        if (line.isEmpty()) {
            throw new AssertionError("No matching line " + (output.awaitEnd(Duration.ZERO) ? "before the output ended"
                    : "within " + TIMEOUT) + "; output:\n" + output.text());
        }
        return line.get();
    }

    /** Waits until {@code count} lines have matched. */
    public void awaitLines(Predicate<String> matching, int count) throws InterruptedException {
        int[] seen = { 0 };
        awaitLine(line -> matching.test(line) && ++seen[0] == count);
    }

    /** Sends {@code SIG<signal>} with {@code kill}, as an operator or Kubernetes would. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true)
                .start();
        if (!kill.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** Waits for the process and the last of its output; its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The " + name + " is still running after " + TIMEOUT + "; output:\n"
                    + output.text());
        }
        if (!output.awaitEnd(TIMEOUT)) {
            throw new AssertionError("The output did not end within " + TIMEOUT + " of the process; output:\n"
                    + output.text());
        }
        return process.exitValue();
    }

    public List<String> output() {
        return output.lines();
    }

    public String outputText() {
        return output.text();
    }

    /** Ends the process at once and waits, bounded, for it and its output. */
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
}
