package dev.flux.shutdown.tck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the library logs, for tests of what an operator reads; close it to stop capturing. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
    }

    /** Starts capturing the records of {@code loggerName} and its children. */
    public static CapturedLog of(String loggerName) {
        CapturedLog log = new CapturedLog(Logger.getLogger(loggerName));
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    /** The messages logged so far that start with {@code code} ({@code FLUX-0012}). */
    public List<String> withCode(String code) {
        return messages.stream().filter(m -> m.startsWith(code)).toList();
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
