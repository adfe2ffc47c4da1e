package dev.flux.shutdown.internal.cleanup;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.flux.shutdown.internal.config.Durations;

/**
 * How one cleanup went, as the report lists it.
 *
 * @param name     the cleanup's name
 * @param rank     its place in the order: {@code priority 10}, {@code no priority} or {@code built-in}
 * @param status   what happened
 * @param duration how long it ran (zero when it did not run)
 * @param failure  the exception of a failed cleanup
 * @param reason   why a skipped cleanup did not run
 */
public record CleanupOutcome(String name, String rank, Status status, Duration duration, Optional<Throwable> failure,
        Optional<String> reason) {

    /** What happened to a cleanup. */
    public enum Status {
        /** It returned, and its returned stage (if any) completed normally, within its bound. */
        OK,
        /** It threw, or its returned stage completed exceptionally, within its bound. */
        FAILED,
        /** It had not finished when its bound passed; the next cleanup ran anyway. */
        TIMED_OUT,
        /** It did not run because there was nothing to release: its bean was never created. */
        SKIPPED,
        /** It did not run, or was abandoned, because the shutdown thread was interrupted. */
        INTERRUPTED
    }

    public CleanupOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(reason, "reason");
    }

    static CleanupOutcome ok(CleanupAction action, Duration duration) {
        return new CleanupOutcome(action.name(), action.rank(), Status.OK, duration, Optional.empty(),
                Optional.empty());
    }

    static CleanupOutcome failed(CleanupAction action, Duration duration, Throwable failure) {
        return new CleanupOutcome(action.name(), action.rank(), Status.FAILED, duration, Optional.of(failure),
                Optional.empty());
    }

    static CleanupOutcome timedOut(CleanupAction action, Duration duration) {
        return new CleanupOutcome(action.name(), action.rank(), Status.TIMED_OUT, duration, Optional.empty(),
                Optional.empty());
    }

    static CleanupOutcome skipped(String name, String rank, String reason) {
        return new CleanupOutcome(name, rank, Status.SKIPPED, Duration.ZERO, Optional.empty(), Optional.of(reason));
    }

    static CleanupOutcome interrupted(CleanupAction action, Duration duration) {
        return new CleanupOutcome(action.name(), action.rank(), Status.INTERRUPTED, duration, Optional.empty(),
                Optional.empty());
    }

    /** A cleanup that never started because the shutdown thread was interrupted before its turn. */
    static CleanupOutcome interrupted(String name, String rank) {
        return new CleanupOutcome(name, rank, Status.INTERRUPTED, Duration.ZERO, Optional.empty(), Optional.empty());
    }

    /**
     * The report line: {@code com.acme.Orders#closePool [priority 10]: ok in 12ms}; the outcome is one of
     * {@code ok in D}, {@code failed in D: <exception>}, {@code timed out after D},
     * {@code skipped (<reason>)}, {@code interrupted after D (shutdown thread interrupted)}.
     */
    public String reportLine() {
        String outcome = switch (status) {
            case OK -> "ok in " + Durations.format(duration);
            case FAILED -> "failed in " + Durations.format(duration) + ": " + failure.map(Throwable::toString)
                    .orElse("unknown failure");
            case TIMED_OUT -> "timed out after " + Durations.format(duration);
            case SKIPPED -> "skipped (" + reason.orElse("not run") + ")";
            case INTERRUPTED -> "interrupted after " + Durations.format(duration) + " (shutdown thread interrupted)";
        };
        return name + " [" + rank + "]: " + outcome;
    }
}
