package dev.flux.shutdown.internal.drain;

import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.phase.PhaseStep;

/**
 * DRAINING: waits for in-flight work to finish and, with a quiet period, for requests to stop arriving; bounded by
 * {@code flux.shutdown.drain.timeout}, and ended at once by an interrupt of the shutdown thread (reported incomplete).
 */
public final class DrainingStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.drain");

    private final InFlightRegistry registry;
    private final DrainConfig config;
    private final boolean hosted;
    private final DrainMonitor monitor;

    /**
     * @param hosted whether a server hosts the application: when it undeploys the application or stops, it routes
     *               nothing here any more, so the quiet period would be pure delay
     */
    public DrainingStep(InFlightRegistry registry, DrainConfig config, boolean hosted) {
        this(registry, config, hosted, DrainMonitor.NONE);
    }

    /** @param monitor learns how DRAINING went (JFR, metrics) */
    public DrainingStep(InFlightRegistry registry, DrainConfig config, boolean hosted, DrainMonitor monitor) {
        this.registry = registry;
        this.config = config;
        this.hosted = hosted;
        this.monitor = monitor;
    }

    @Override
    public ShutdownPhase phase() {
        return ShutdownPhase.DRAINING;
    }

    @Override
    public PhaseResult run(ShutdownCause cause) {
        int atStart = registry.inFlight();
        Duration quietPeriod = hosted && cause.trigger() == ShutdownCause.Trigger.CONTAINER ? Duration.ZERO
                : config.quietPeriod();
        DrainOutcome outcome = registry.drain(config.timeout(), quietPeriod);
        monitor.drained(atStart, outcome, registry.lateRequests().snapshot());
        if (outcome.interrupted()) {
            // the container stopped waiting for this shutdown (FLUX-0007) and interrupted it; the interrupt stays set,
            // so CLEANING skips what is left too
            outcome.stillRunning().forEach(work -> LOG.warning(() -> "FLUX-0202 Still in flight: " + work));
            return new PhaseResult(true, atStart + " in flight at start, " + outcome.remaining()
                    + " still in flight when the shutdown thread was interrupted after "
                    + Durations.format(outcome.duration()) + lateRequests(), outcome.stillRunning());
        }
        if (outcome.timedOut()) {
            LOG.warning(() -> "FLUX-0201 " + DrainConfig.TIMEOUT + "=" + Durations.format(config.timeout())
                    + " passed with " + outcome.remaining() + " still in flight; going on without them");
            outcome.stillRunning().forEach(work -> LOG.warning(() -> "FLUX-0202 Still in flight: " + work));
            return new PhaseResult(true, atStart + " in flight at start, " + outcome.remaining()
                    + " still in flight after " + Durations.format(config.timeout()) + lateRequests(),
                    outcome.stillRunning());
        }
        if (!outcome.quiet()) {
            LOG.warning(() -> "FLUX-0203 Requests still arrived until " + DrainConfig.TIMEOUT + "="
                    + Durations.format(config.timeout()) + " passed (" + DrainConfig.QUIET_PERIOD + "="
                    + Durations.format(config.quietPeriod()) + " never passed without one): a proxy still routes"
                    + " here; later ones get 503");
        }
        return PhaseResult.completed(atStart + " in flight at start, all finished; " + ending(outcome, quietPeriod)
                + " (new requests: " + config.newRequests().name().toLowerCase(Locale.ROOT) + ")" + lateRequests());
    }

    /**
     * How DRAINING ended. Without a quiet period, on the last release: the drain latency is the time from it to the
     * end. With one, the end waits on purpose, so the time since the last release says nothing of the drain.
     */
    private static String ending(DrainOutcome outcome, Duration quietPeriod) {
        String sinceLastRelease = String.format(Locale.ROOT, "%.3fms", outcome.latency().toNanos() / 1e6);
        if (quietPeriod.isZero()) {
            return "drain latency " + sinceLastRelease;
        }
        return (outcome.quiet() ? "then quiet for " + Durations.format(quietPeriod)
                : "requests still arriving at the timeout") + ", the last release " + sinceLastRelease
                + " before the end";
    }

    /** The late requests so far; the final counts, with those refused after DRAINING, are in the summary. */
    private String lateRequests() {
        LateRequests late = registry.lateRequests().snapshot();
        return "; " + late.served() + " served late, " + late.refusedDuringDraining() + " refused";
    }
}
