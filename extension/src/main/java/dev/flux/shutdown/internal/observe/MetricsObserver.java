package dev.flux.shutdown.internal.observe;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.cleanup.CleanupAction;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome;
import dev.flux.shutdown.internal.drain.DrainOutcome;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.drain.LateRequestCounter;
import dev.flux.shutdown.internal.state.CommitOutcome;

/**
 * Shows a shutdown as meters, whatever the metrics library: the work in flight and the phase as gauges, phase
 * durations, the drain latency, late requests, cleanups and checkpoints, every meter tagged with the application's
 * name (an application server shares its registry among its applications).
 */
public final class MetricsObserver implements ShutdownObserver {

    /** The prefix of every meter; Prometheus shows {@code flux_shutdown_...}. */
    public static final String PREFIX = "flux.shutdown.";

    private static final String LATE = "Requests that arrived during DRAINING, served or refused";
    private static final String PHASE_DURATION = PREFIX + "phase.duration";
    private static final String PHASE_DURATION_TEXT = "How long each shutdown phase took";
    private static final String DRAIN_LATENCY = PREFIX + "drain.latency";
    private static final String DRAIN_LATENCY_TEXT = "From the release of the last in-flight work to the end of"
            + " DRAINING";
    private static final String CLEANUP_DURATION = PREFIX + "cleanup.duration";
    private static final String CLEANUP_DURATION_TEXT = "How long each cleanup that ran took";
    private static final String STILL_RUNNING = PREFIX + "drain.still.running";
    private static final String STILL_RUNNING_TEXT = "Work still in flight when drain.timeout passed";

    private final Meters meters;
    private final String application;
    /** 0 while the application runs normally, then 1 (PREPARING) to 5 (EXITING). */
    private volatile int phase;

    public MetricsObserver(Meters meters, String application) {
        this.meters = meters;
        this.application = application;
        meters.gauge(PREFIX + "phase", "The shutdown phase: 0 running, 1 PREPARING, 2 DRAINING, 3 CLEANING,"
                + " 4 PERSISTING, 5 EXITING", tags(), () -> phase);
    }

    @Override
    public void watch(InFlightRegistry work) {
        meters.gauge(PREFIX + "in.flight", "Requests, @InFlight calls and tickets in flight", tags(),
                work::inFlight);
        LateRequestCounter late = work.lateRequests();
        meters.total(PREFIX + "late.requests", LATE, tags("outcome", "served"), () -> late.snapshot().served());
        meters.total(PREFIX + "late.requests", LATE, tags("outcome", "refused"), () -> late.snapshot().refused());
    }

    /** Registers the meters every shutdown records into, so that the shutdown itself registers none. */
    @Override
    public void applicationStarted() {
        meters.start();
        for (ShutdownPhase each : ShutdownPhase.values()) {
            meters.timer(PHASE_DURATION, PHASE_DURATION_TEXT, tags("phase", each.name(), "outcome", "ok"));
        }
        meters.timer(DRAIN_LATENCY, DRAIN_LATENCY_TEXT, tags("outcome", "ok"));
        meters.timer(CLEANUP_DURATION, CLEANUP_DURATION_TEXT, tags("outcome", "ok"));
        meters.add(STILL_RUNNING, STILL_RUNNING_TEXT, tags(), 0);
    }

    @Override
    public void close() {
        meters.close();
    }

    @Override
    public void phaseStarted(ShutdownPhase next, ShutdownCause cause) {
        phase = next.ordinal() + 1;
    }

    @Override
    public void phaseEnded(ShutdownCause cause, PhaseReport report) {
        meters.time(PHASE_DURATION, PHASE_DURATION_TEXT, tags("phase", report.phase().name(), "outcome",
                report.complete() ? "ok" : "timed-out"), report.duration());
    }

    @Override
    public void drained(int atStart, DrainOutcome outcome, LateRequests late) {
        meters.time(DRAIN_LATENCY, DRAIN_LATENCY_TEXT, tags("outcome", outcome.timedOut() ? "timed-out" : "ok"),
                outcome.latency());
        meters.add(STILL_RUNNING, STILL_RUNNING_TEXT, tags(), outcome.remaining());
    }

    @Override
    public Consumer<CleanupOutcome> starting(CleanupAction action) {
        return this::notRun;
    }

    @Override
    public void notRun(CleanupOutcome outcome) {
        if (outcome.status() == CleanupOutcome.Status.SKIPPED) {
            return; // its bean was never created: nothing ran, nothing to time
        }
        meters.time(CLEANUP_DURATION, CLEANUP_DURATION_TEXT,
                tags("outcome", outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                outcome.duration());
    }

    @Override
    public void checkpointed(CommitOutcome outcome, String store, boolean periodic) {
        String kind = periodic ? "periodic" : "final";
        boolean committed = outcome.sequence().isPresent();
        Duration duration = outcome.duration();
        meters.time(PREFIX + "checkpoint.duration", "How long capturing and committing a checkpoint (every bean)"
                + " took", tags("kind", kind, "result", committed ? "committed" : "failed"), duration);
        if (committed) {
            meters.bytes(PREFIX + "checkpoint.size", "The size of each checkpoint committed (every envelope of the"
                    + " set)", tags("kind", kind), outcome.bytes());
        }
    }

    /** {@code app=<name>} and the pairs given: key, value, key, value. */
    private Map<String, String> tags(String... pairs) {
        Map<String, String> tags = new HashMap<>();
        tags.put("app", application);
        for (int i = 0; i < pairs.length; i += 2) {
            tags.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(tags);
    }
}
