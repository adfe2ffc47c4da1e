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

    public ShutdownCause {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(detail, "detail");
    }

    public static ShutdownCause signal(String signalName) {
        return new ShutdownCause(Trigger.SIGNAL, "SIG" + signalName);
    }

    public static ShutdownCause programmatic(String reason) {
        return new ShutdownCause(Trigger.PROGRAMMATIC, reason);
    }

    public static ShutdownCause container() {
        return new ShutdownCause(Trigger.CONTAINER, "CDI container shutting down");
    }

    @Override
    public String toString() {
        return trigger + " (" + detail + ")";
    }
}
