package dev.flux.shutdown;

import java.util.Objects;

/**
 * What started the shutdown.
 *
 * @param trigger the kind of trigger
 * @param detail  the signal name ({@code SIGTERM}), the reason given to {@link Shutdown#initiate(String)}, or a
 *                description of the container event
 */
public record ShutdownCause(Trigger trigger, String detail) {

    /** The ways a shutdown can start. */
    public enum Trigger {
        /** An operating-system signal listed in {@code flux.shutdown.signals}. */
        SIGNAL,
        /** A call of {@link Shutdown#initiate(String)}. */
        PROGRAMMATIC,
        /** The CDI container began to shut down (e.g. {@code SeContainer.close()}). */
        CONTAINER
    }

    /**
     * Checks that both parts are given.
     *
     * @param trigger the kind of trigger
     * @param detail  what exactly started it
     */
    public ShutdownCause {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A shutdown started by a signal.
     *
     * @param signalName the signal's name without {@code SIG}, as {@code sun.misc.Signal} names it ({@code TERM})
     * @return the cause, whose detail is {@code SIGTERM}
     */
    public static ShutdownCause signal(String signalName) {
        return new ShutdownCause(Trigger.SIGNAL, "SIG" + signalName);
    }

    /**
     * A shutdown started by {@link Shutdown#initiate(String)}.
     *
     * @param reason the reason given to it
     * @return the cause
     */
    public static ShutdownCause programmatic(String reason) {
        return new ShutdownCause(Trigger.PROGRAMMATIC, reason);
    }

    /**
     * A shutdown started by the CDI container shutting down.
     *
     * @return the cause
     */
    public static ShutdownCause container() {
        return new ShutdownCause(Trigger.CONTAINER, "CDI container shutting down");
    }

    @Override
    public String toString() {
        return trigger + " (" + detail + ")";
    }
}
