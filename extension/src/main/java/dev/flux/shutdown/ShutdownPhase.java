package dev.flux.shutdown;

/**
 * The five phases of a graceful shutdown, in the order they run. Each phase start is fired as a
 * {@link ShutdownPhaseEvent}.
 */
public enum ShutdownPhase {
    /** Readiness reports DOWN; requests are still served for {@code flux.shutdown.readiness-delay}. */
    PREPARING,
    /** In-flight requests and tracked work finish, bounded by {@code flux.shutdown.drain.timeout}. */
    DRAINING,
    /** {@code @Cleanup} methods release resources, each bounded by its own timeout. */
    CLEANING,
    /** {@code @Persistent} beans are checkpointed atomically. */
    PERSISTING,
    /** The report is logged and the process exits with {@code flux.shutdown.exit-code}. */
    EXITING
}
