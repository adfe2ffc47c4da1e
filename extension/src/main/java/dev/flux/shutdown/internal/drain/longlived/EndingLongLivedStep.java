package dev.flux.shutdown.internal.drain.longlived;

import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;

/**
 * DRAINING with long-lived responses: first ends every open event stream, long poll and WebSocket session (they
 * would never end by themselves), then waits for the ordinary work as the wrapped step does. The report's DRAINING
 * line gets what was ended and how long it took, when anything was.
 */
public final class EndingLongLivedStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final PhaseStep draining;
    private final LongLivedResponses responses;

    public EndingLongLivedStep(PhaseStep draining, LongLivedResponses responses) {
        if (draining.phase() != ShutdownPhase.DRAINING) {
            throw new IllegalArgumentException("expected the DRAINING step, got " + draining.phase());
        }
        this.draining = draining;
        this.responses = responses;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.DRAINING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        if (!responses.enabled()) {
            return draining.run(cause);
        }
        EndingOutcome ending = responses.endAll();
        if (ending.total() > 0) {
            LOG.info(() -> "FLUX-0750 Long-lived responses " + ending.summary());
        }
        if (ending.unended() > 0) {
            LOG.warning(() -> "FLUX-0751 " + ending.unended() + " long-lived responses were not ended cleanly within "
                    + LongLivedConfig.END_TIMEOUT + "; DRAINING goes on without them");
        }
        PhaseResult drained = draining.run(cause);
        if (ending.total() == 0) {
            return drained;
        }
        return new PhaseResult(drained.timedOut(), drained.summary() + "; long-lived: " + ending.summary(),
                drained.details());
    }
}
