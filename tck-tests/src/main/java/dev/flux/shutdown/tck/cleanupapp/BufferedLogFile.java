package dev.flux.shutdown.tck.cleanupapp;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * A log file behind a buffering handler, as an application's file appender with a large buffer: records reach the
 * file only when the handler is flushed.
 */
public final class BufferedLogFile {

    /** The application's logger; held here so that its handler is not lost with a collected logger. */
    public static final Logger ORDERS = Logger.getLogger("dev.flux.shutdown.tck.cleanupapp.orders");

    private BufferedLogFile() {
    }

    public static void install(Path file) throws IOException {
        StreamHandler handler = new StreamHandler(new BufferedOutputStream(new FileOutputStream(file.toFile()),
                1 << 20), new OneLine());
        ORDERS.setUseParentHandlers(false);
        ORDERS.addHandler(handler);
    }

    /** One line per record: its message. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + System.lineSeparator();
        }
    }
}
