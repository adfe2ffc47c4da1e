package dev.flux.shutdown.sample.it;

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

/** The lines a process prints, read on a thread of their own; a test waits for a line or the end, never polls. */
final class OutputLines {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    static OutputLines readFrom(InputStream output, String threadName) {
        OutputLines lines = new OutputLines();
        Thread reader = new Thread(() -> lines.readAll(output), threadName);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The first line, printed or to come, that matches; empty if none came within {@code timeout} or before the end. */
    Optional<String> await(Predicate<String> matching, Duration timeout) throws InterruptedException {
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

    /** Whether the output ended within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
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

    List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    String text() {
        return String.join(System.lineSeparator(), lines());
    }

    private void readAll(InputStream output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                update(line, false);
            }
        } catch (IOException e) {
            // the stream closes under the reader when a test ends the process: an end like any other
            update("[output reader: " + e + "]", false);
        } finally {
            update(null, true);
        }
    }

    private void update(String line, boolean end) {
        lock.lock();
        try {
            if (line != null) {
                lines.add(line);
            }
            ended |= end;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
