package dev.flux.shutdown.internal.cleanup;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An application cleanup whose bean may not exist yet. Whether it exists is looked up when the cleanup's turn comes,
 * not when CLEANING starts, because an earlier cleanup may create it (an audit trail that other cleanups write to).
 *
 * @param name     how the log and the report name it
 * @param priority its {@code @Priority}, or empty when it has none
 * @param lookup   finds the cleanup ready to run on the bean's current instance, or empty when there is none
 */
public record PendingCleanup(String name, OptionalInt priority, Lookup lookup) {

    /** Finds the bean's instance now, without creating it. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Ready> find();
    }

    /**
     * A cleanup bound to its bean's instance.
     *
     * @param action    the call on that instance
     * @param createdAs the rank of the instance's creation: an instance created later has a greater number
     */
    public record Ready(CleanupAction action, long createdAs) {

        public Ready {
            Objects.requireNonNull(action, "action");
        }
    }

    public PendingCleanup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(lookup, "lookup");
    }

    /** A cleanup whose bean exists for sure, e.g. in a test. */
    public static PendingCleanup of(CleanupAction action, long createdAs) {
        Optional<Ready> ready = Optional.of(new Ready(action, createdAs));
        return new PendingCleanup(action.name(), action.priority(), () -> ready);
    }
}
