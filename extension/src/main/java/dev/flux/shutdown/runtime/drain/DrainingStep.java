package dev.flux.shutdown.runtime.drain;

import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.runtime.Durations;
import dev.flux.shutdown.runtime.PhaseResult;
import dev.flux.shutdown.runtime.PhaseStep;

/** DRAINING: waits for in-flight work to finish, bounded by {@code flux.shutdown.drain.timeout}. */
public final class DrainingStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final InFlightRegistry registry;
    private final DrainConfig config;
    private final DrainMonitor monitor;

    public DrainingStep(InFlightRegistry registry, DrainConfig config) {
        this(registry, config, DrainMonitor.NONE);
    }

    /** @param monitor learns how DRAINING went (JFR, metrics) */
    public DrainingStep(InFlightRegistry registry, DrainConfig config, DrainMonitor monitor) {
        this.registry = registry;
        this.config = config;
        this.monitor = monitor;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.DRAINING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        int atStart = registry.inFlight();
        DrainOutcome outcome = registry.drain(config.timeout());
        monitor.drained(atStart, outcome);
        if (outcome.timedOut()) {
            LOG.warning(() -> "FLUX-0201 " + DrainConfig.TIMEOUT + "=" + Durations.format(config.timeout())
                    + " passed with " + outcome.remaining() + " still in flight; going on without them");
            outcome.stillRunning().forEach(work -> LOG.warning(() -> "FLUX-0202 Still in flight: " + work));
            return new PhaseResult(true, atStart + " in flight at start, " + outcome.remaining()
                    + " still in flight after " + Durations.format(config.timeout()), outcome.stillRunning());
        }
        return PhaseResult.completed(atStart + " in flight at start, all finished; drain latency "
                + String.format(java.util.Locale.ROOT, "%.3fms", outcome.latency().toNanos() / 1e6)
                + " (new requests: " + config.newRequests().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
