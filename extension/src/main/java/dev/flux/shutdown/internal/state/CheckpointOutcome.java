package dev.flux.shutdown.internal.state;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.flux.shutdown.internal.config.Durations;

/**
 * How writing one bean's checkpoint went, as the report shows it.
 *
 * @param name     the persistent name
 * @param bytes    the size of the stored envelope (0 unless written)
 * @param duration how long capturing and writing took
 * @param result   written, skipped (PERSISTING had already begun) or failed
 * @param problem  why it failed
 */
public record CheckpointOutcome(String name, long bytes, Duration duration, Result result, Optional<String> problem) {

    /** The result of one checkpoint. */
    public enum Result {
        WRITTEN, SKIPPED, FAILED
    }

    public CheckpointOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(problem, "problem");
    }

    static CheckpointOutcome written(String name, long bytes, Duration duration) {
        return new CheckpointOutcome(name, bytes, duration, Result.WRITTEN, Optional.empty());
    }

    static CheckpointOutcome skipped(String name) {
        return new CheckpointOutcome(name, 0, Duration.ZERO, Result.SKIPPED, Optional.empty());
    }

    static CheckpointOutcome failed(String name, Duration duration, String problem) {
        return new CheckpointOutcome(name, 0, duration, Result.FAILED, Optional.of(problem));
    }

    /** One line for the report: {@code 'orders': written, 1234 bytes in 3ms}. */
    public String describe() {
        String took = Durations.format(duration);
        return switch (result) {
            case WRITTEN -> "'" + name + "': written, " + bytes + " bytes in " + took;
            case SKIPPED -> "'" + name + "': skipped";
            case FAILED -> "'" + name + "': FAILED after " + took + ": " + problem.orElse("");
        };
    }
}
