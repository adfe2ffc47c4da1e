package dev.flux.shutdown.internal.cleanup;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One cleanup ready to run: what to call, how it is named in the report, its priority and its bound.
 *
 * @param name     how the log and the report name it, e.g. {@code com.acme.Orders#closePool}
 * @param priority its {@code @Priority}, or empty when it has none
 * @param builtIn  whether the library provides it (it then runs after every application cleanup)
 * @param timeout  the bound of the call, including the wait for a returned {@code CompletionStage}
 * @param body     the call
 */
public record CleanupAction(String name, OptionalInt priority, boolean builtIn, Duration timeout, Body body) {

    /** The work of a cleanup. It may return a {@code CompletionStage}, which is then awaited within the bound. */
    @FunctionalInterface
    public interface Body {
        Object run() throws Exception;
    }

    public CleanupAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of " + name + " must be positive, was " + timeout);
        }
    }

    /** An application cleanup. */
    public static CleanupAction of(String name, OptionalInt priority, Duration timeout, Body body) {
        return new CleanupAction(name, priority, false, timeout, body);
    }

    /** A cleanup of the library's own, run after the application's. */
    public static CleanupAction builtIn(String name, Duration timeout, Body body) {
        return new CleanupAction(name, OptionalInt.empty(), true, timeout, body);
    }

    /** How the report shows its place in the order: {@code priority 10}, {@code no priority} or {@code built-in}. */
    String rank() {
        return rank(builtIn, priority);
    }

    static String rank(boolean builtIn, OptionalInt priority) {
        if (builtIn) {
            return "built-in";
        }
        return priority.isPresent() ? "priority " + priority.getAsInt() : "no priority";
    }
}
