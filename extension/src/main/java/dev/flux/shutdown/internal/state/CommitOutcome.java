package dev.flux.shutdown.internal.state;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.flux.shutdown.internal.config.Durations;

/**
 * How one checkpoint of every bean went.
 *
 * @param sequence the sequence number of the committed set; empty if nothing was committed (or it was skipped)
 * @param beans    one outcome per live bean
 * @param bytes    the size of every envelope in the set, carried ones included
 * @param envelopes how many envelopes the set holds, carried ones included
 * @param duration capture and commit together
 * @param problem  why the commit failed
 */
public record CommitOutcome(OptionalLong sequence, List<CheckpointOutcome> beans, long bytes, int envelopes,
        Duration duration, Optional<String> problem) {

    public CommitOutcome {
        Objects.requireNonNull(sequence, "sequence");
        beans = List.copyOf(beans);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(problem, "problem");
    }

    static CommitOutcome skipped() {
        return new CommitOutcome(OptionalLong.empty(), List.of(), 0, 0, Duration.ZERO, Optional.empty());
    }

    /**
     * Whether nothing failed: the set was committed with every live bean at its current state, or there was no live
     * bean and the newest set is still the right one.
     */
    public boolean complete() {
        return problem.isEmpty() && beans.stream().allMatch(bean -> bean.result() == CheckpointOutcome.Result.WRITTEN);
    }

    /** One line: {@code checkpoint 12 committed to files in /x: 3 envelopes, 1234 bytes in 4ms}. */
    public String describe(CheckpointStore store) {
        String took = Durations.format(duration);
        if (sequence.isPresent()) {
            return "checkpoint " + sequence.getAsLong() + " committed to " + store + ": " + envelopes
                    + (envelopes == 1 ? " envelope, " : " envelopes, ") + bytes + " bytes in " + took;
        }
        return problem.map(p -> "no checkpoint committed to " + store + " after " + took + ": " + p)
                .orElse("checkpoint skipped");
    }
}
