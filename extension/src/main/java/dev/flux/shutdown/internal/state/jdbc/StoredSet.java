package dev.flux.shutdown.internal.state.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The set of checkpoints that an instance took at start-up: its own, one it claimed from an instance that had
 * released it, or none.
 *
 * @param origin      where it came from
 * @param claimedFrom the instance that released it, when claimed
 * @param generation  how many commits the set has had (it continues through claims)
 * @param committed   when it was last committed, empty when there is none
 * @param envelopes   the envelope bytes of each bean, by persistent name
 */
record StoredSet(Origin origin, Optional<String> claimedFrom, long generation, Optional<Instant> committed,
        Map<String, byte[]> envelopes) {

    /** Where an instance's set came from at start-up. */
    public enum Origin {
        /** Its own set, under its own identity (a restart, a StatefulSet pod). */
        OWN,
        /** A set released by a complete shutdown of another instance, now moved to this one. */
        CLAIMED,
        /** Nothing: neither its own nor a released one. */
        NONE
    }

    static StoredSet none() {
        return new StoredSet(Origin.NONE, Optional.empty(), 0, Optional.empty(), Map.of());
    }

    /** One line for the log and the report. */
    public String describe() {
        return switch (origin) {
            case OWN -> "its own checkpoint (generation " + generation + ", committed " + committed.orElseThrow()
                    + ", " + envelopes.size() + " beans)";
            case CLAIMED -> "the checkpoint released by instance '" + claimedFrom.orElseThrow() + "' (generation "
                    + generation + ", committed " + committed.orElseThrow() + ", " + envelopes.size() + " beans)";
            case NONE -> "no checkpoint (none of its own and none released by another instance)";
        };
    }
}
