package dev.flux.shutdown.internal.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import org.junit.jupiter.api.Test;

class LogHandlerFlushTest {

    private static final Logger APP = Logger.getLogger("dev.flux.shutdown.test.buffered");

    @Test
    void bufferedRecordsOfNamedAndRootLoggersReachTheirStreams() {
        ByteArrayOutputStream appOut = new ByteArrayOutputStream();
        ByteArrayOutputStream rootOut = new ByteArrayOutputStream();
        StreamHandler appHandler = new StreamHandler(appOut, new SimpleFormatter());
        StreamHandler rootHandler = new StreamHandler(rootOut, new SimpleFormatter());
        Logger root = Logger.getLogger("");
        APP.addHandler(appHandler);
        root.addHandler(rootHandler);
        try {
            APP.info("app record");
            assertThat(appOut.size()).as("StreamHandler buffers until flushed").isZero();

            LogHandlerFlush.flushAll();

            assertThat(appOut.toString(StandardCharsets.UTF_8)).contains("app record");
            assertThat(rootOut.toString(StandardCharsets.UTF_8)).contains("app record");
        } finally {
            APP.removeHandler(appHandler);
            root.removeHandler(rootHandler);
        }
    }
}
