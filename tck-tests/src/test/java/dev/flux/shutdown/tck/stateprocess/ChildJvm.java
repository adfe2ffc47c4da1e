package dev.flux.shutdown.tck.stateprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.flux.shutdown.testsupport.OutputLines;

/**
 * A child JVM running a main class of this module with the test classpath, whose output (stdout and stderr
 * together) is collected line by line, so that a test can wait for a line rather than for time to pass.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final OutputLines output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = OutputLines.readFrom(process.getInputStream(), "child-output-" + process.pid());
    }

    /** Starts {@code main} with the given system properties and arguments. */
    static ChildJvm start(Class<?> main, Map<String, String> properties, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // quick to start: the crash test starts hundreds of these
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData"));
        command.addAll(List.of("-cp", classpath()));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        // Surefire may run tests from a manifest-only jar; this property has the real entries
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The first line (from the start) that matches, waiting up to {@code timeout} for it to be printed. */
    String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException, TimeoutException {
        Optional<String> line = output.await(matching, timeout);
        if (line.isEmpty()) {
            throw new TimeoutException("no such line within " + timeout + "; output:\n" + tail());
        }
        return line.get();
    }

    /** Writes one line to the child's standard input. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Sends SIGTERM. (Through the handle: {@code Process.destroy} would also close the output still to be read.) */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL, keeping the output that the child printed before it died. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Waits for the process to end and for its output to be read to the end; returns the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || !output.awaitEnd(timeout)) {
            throw new TimeoutException("child did not end within " + timeout + "; output:\n" + tail());
        }
        return process.exitValue();
    }

    /** Every line printed so far. */
    List<String> lines() {
        return output.lines();
    }

    String tail() {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
