package dev.flux.shutdown;

import java.util.Optional;

/**
 * The programmatic handle on the graceful shutdown; inject it where the application needs to start a shutdown
 * or to know whether one is running.
 */
public interface Shutdown {

    /**
     * Starts the graceful shutdown on a new thread, unless one has already started. After the five phases the
     * process exits with {@code flux.shutdown.exit-code} (or {@code forced-exit-code} when a bound was exceeded).
     *
     * @param reason why, for the log and the report
     * @return {@code true} if this call started the shutdown, {@code false} if it had already started or the
     *         library is disabled ({@code flux.shutdown.enabled=false})
     */
    boolean initiate(String reason);

    /**
     * {@return whether a shutdown has started}: {@code true} from the first instant of
     * {@link ShutdownPhase#PREPARING}.
     */
    boolean isShuttingDown();

    /** {@return the phase running now, or empty while the application runs normally} */
    Optional<ShutdownPhase> phase();

    /** {@return the report of the finished shutdown, or empty while no shutdown has completed} */
    Optional<ShutdownReport> report();
}
