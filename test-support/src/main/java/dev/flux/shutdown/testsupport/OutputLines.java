package dev.flux.shutdown.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Collects the lines a child process prints, read on a thread of their own, and lets a test wait for a line or
 * for the end of the output without polling.
 */
public final class OutputLines {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private OutputLines() {
    }

    /** Starts reading {@code output} to its end on a daemon thread named {@code threadName}. */
    public static OutputLines readFrom(InputStream output, String threadName) {
        OutputLines lines = new OutputLines();
        Thread reader = new Thread(() -> lines.readAll(output), threadName);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /**
     * The first line so far or to come that matches, waiting up to {@code timeout}; empty if none came within it
     * or the output ended without one.
     */
    public Optional<String> await(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (matching.test(lines.get(checked))) {
                        return Optional.of(lines.get(checked));
                    }
                }
                if (ended || remaining <= 0) {
                    return Optional.empty();
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for the end of the output; whether it ended. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!ended && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** Every line read so far. */
    public List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** Every line read so far, one per line, for failure messages. */
    public String text() {
        return String.join(System.lineSeparator(), lines());
    }

    private void readAll(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                append(line);
            }
        } catch (IOException e) {
            // the stream closes under us when the test destroys the process: that is an end like any other
            append("[output reader: " + e + "]");
        } finally {
            end();
        }
    }

    private void append(String line) {
        lock.lock();
        try {
            lines.add(line);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
