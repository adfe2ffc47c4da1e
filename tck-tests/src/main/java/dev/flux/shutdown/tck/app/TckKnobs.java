package dev.flux.shutdown.tck.app;

import java.util.Locale;
import java.util.Optional;

import dev.flux.shutdown.ShutdownPhase;

/**
 * The test knobs of the application, read once from system properties as the application starts:
 * <ul>
 * <li>{@code -Dtck.hang-in=PHASE}: the phase observer hangs in that phase, ignoring interruption, so that only
 * the watchdog (or a second SIGINT) can end the process.</li>
 * <li>{@code -Dtck.http.port=N}: the HTTP port; 0 (the default) picks a free one, printed at startup.</li>
 * <li>{@code -Dtck.stop-server-like-helidon=true}: the HTTP server is stopped at once (connections cut) by an
 * observer of the application context's end at priority {@code PLATFORM_BEFORE}, as Helidon MP stops its
 * server, instead of gracefully by a JVM shutdown hook.</li>
 * </ul>
 */
public final class TckKnobs {

    static final String HANG_IN = "tck.hang-in";
    static final String HTTP_PORT = "tck.http.port";
    static final String STOP_SERVER_LIKE_HELIDON = "tck.stop-server-like-helidon";

    private static final Optional<ShutdownPhase> HANG_PHASE = Optional.ofNullable(System.getProperty(HANG_IN))
            .map(name -> ShutdownPhase.valueOf(name.trim().toUpperCase(Locale.ROOT)));

    private TckKnobs() {
    }

    static int httpPort() {
        return Integer.getInteger(HTTP_PORT, 0);
    }

    /** Whether a platform observer, not a shutdown hook, stops the HTTP server. */
    public static boolean stopServerLikeHelidon() {
        return Boolean.getBoolean(STOP_SERVER_LIKE_HELIDON);
    }

    /** The phase in which the phase observer hangs, if any. */
    static Optional<ShutdownPhase> hangIn() {
        return HANG_PHASE;
    }
}
