package dev.flux.shutdown.internal.cleanup;

import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The built-in last cleanup: flushes every {@code java.util.logging} handler of every logger (the root logger's
 * included), so that records buffered by a handler reach their file or socket before the process ends, whatever
 * the application's cleanups logged. Runtimes whose logging backend sits behind JUL (JBoss LogManager on Quarkus
 * and WildFly) are flushed through the same handlers.
 */
public final class LogHandlerFlush {

    /** How the report names this cleanup. */
    public static final String NAME = "flush java.util.logging handlers";

    private LogHandlerFlush() {
    }

    /** The cleanup, bounded like an application cleanup without a timeout of its own. */
    public static CleanupAction action(Duration timeout) {
        return CleanupAction.builtIn(NAME, timeout, () -> {
            flushAll();
            return null;
        });
    }

    /**
     * Flushes each handler once, even one attached to several loggers. A handler whose flush throws does not stop
     * the others: the failures are thrown together at the end.
     *
     * @return how many handlers were flushed
     */
    public static int flushAll() {
        LogManager manager = LogManager.getLogManager();
        Set<Handler> handlers = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(handlers, Logger.getLogger("").getHandlers());
        for (Enumeration<String> names = manager.getLoggerNames(); names.hasMoreElements();) {
            Logger logger = manager.getLogger(names.nextElement());
            if (logger != null) {
                Collections.addAll(handlers, logger.getHandlers());
            }
        }
        IllegalStateException failures = null;
        for (Handler handler : handlers) {
            try {
                handler.flush();
            } catch (RuntimeException e) {
                if (failures == null) {
                    failures = new IllegalStateException("Flushing some log handlers failed");
                }
                failures.addSuppressed(e);
            }
        }
        if (failures != null) {
            throw failures;
        }
        return handlers.size();
    }
}
