package dev.flux.shutdown.tck.stateprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * A main class of this module running in a child JVM with the test classpath ({@link ChildProcess}), so that a test
 * can wait for a line rather than for time to pass, and end the JVM politely or not at all.
 */
final class ChildJvm implements AutoCloseable {

    private final ChildProcess process;

    private ChildJvm(ChildProcess process) {
        this.process = process;
    }

    /** Starts {@code main} with the given system properties and arguments. */
    static ChildJvm start(Class<?> main, Map<String, String> properties, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        // quick to start: the crash test starts hundreds of these
        command.addAll(ChildProcess.SHORT_LIVED_JVM);
        command.addAll(List.of("-Xshare:auto", "-XX:-UsePerfData"));
        command.addAll(List.of("-cp", classpath()));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(ChildProcess.start(new ProcessBuilder(command), main.getSimpleName()));
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
    String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        return process.awaitLine(matching, timeout);
    }

    /** Writes one line to the child's standard input. */
    void send(String line) throws IOException {
        process.send(line);
    }

    /** Sends SIGTERM. */
    void terminate() {
        process.terminate();
    }

    /** Sends SIGKILL, keeping the output that the child printed before it died. */
    void kill() {
        process.kill();
    }

    /** Waits for the process to end and for its output to be read to the end; returns the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.awaitExit(timeout);
    }

    /** Every line printed so far. */
    List<String> lines() {
        return process.output();
    }

    String tail() {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    @Override
    public void close() {
        process.close();
    }
}
