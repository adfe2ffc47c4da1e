package dev.flux.shutdown.internal.state;

import java.util.OptionalLong;

/**
 * How many checkpoints other instances released at a complete shutdown and no instance has claimed yet: state
 * that waits for a successor (see the JDBC store). The readiness check shows it, so that a rollout that left state
 * behind (a surge rollout, say) is visible.
 */
public interface ReleasedCheckpoints {

    /** {@return the count as last known, or empty when the store hands nothing over or could not count} */
    OptionalLong unclaimed();
}
