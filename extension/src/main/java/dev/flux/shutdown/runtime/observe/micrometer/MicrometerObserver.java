package dev.flux.shutdown.runtime.observe.micrometer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.runtime.cleanup.CleanupAction;
import dev.flux.shutdown.runtime.cleanup.CleanupOutcome;
import dev.flux.shutdown.runtime.drain.DrainOutcome;
import dev.flux.shutdown.runtime.drain.InFlightRegistry;
import dev.flux.shutdown.runtime.drain.LateRequestCounter;
import dev.flux.shutdown.runtime.observe.ShutdownObserver;
import dev.flux.shutdown.runtime.state.CommitOutcome;

/**
 * Shows a shutdown in Micrometer's global registry, to which runtimes such as Quarkus add their own registries
 * (Prometheus at {@code /q/metrics}): the work in flight and the phase as gauges, phase durations, the drain latency,
 * late requests, cleanups and checkpoints. Loaded only where Micrometer is on the application's class path.
 */
public final class MicrometerObserver implements ShutdownObserver {

    /** The prefix of every meter; Prometheus shows {@code flux_shutdown_...}. */
    public static final String PREFIX = "flux.shutdown.";

    private final MeterRegistry registry;
    private final Tags tags;
    /** Every meter registered, removed when the application leaves (the global registry outlives it). */
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    /** 0 while the application runs normally, then 1 (PREPARING) to 5 (EXITING). */
    private volatile int phase;

    MicrometerObserver(MeterRegistry registry, String application) {
        this.registry = registry;
        this.tags = Tags.of("app", application);
        meters.add(Gauge.builder(PREFIX + "phase", this, observer -> observer.phase).tags(tags).strongReference(true)
                .description("The shutdown phase: 0 running, 1 PREPARING, 2 DRAINING, 3 CLEANING, 4 PERSISTING,"
                        + " 5 EXITING")
                .register(registry));
    }

    /** An observer on {@link Metrics#globalRegistry}. */
    public static ShutdownObserver onGlobalRegistry(String application) {
        return new MicrometerObserver(Metrics.globalRegistry, application);
    }

    @Override
    public void watch(InFlightRegistry work) {
        meters.add(Gauge.builder(PREFIX + "in.flight", work, InFlightRegistry::inFlight).tags(tags)
                .strongReference(true).description("Requests, @InFlight calls and tickets in flight")
                .register(registry));
        LateRequestCounter late = work.lateRequests();
        meters.add(FunctionCounter.builder(PREFIX + "late.requests", late, l -> l.snapshot().served()).tags(tags)
                .tag("outcome", "served").description("Requests that arrived during DRAINING, served or refused")
                .register(registry));
        meters.add(FunctionCounter.builder(PREFIX + "late.requests", late, l -> l.snapshot().refused()).tags(tags)
                .tag("outcome", "refused").description("Requests that arrived during DRAINING, served or refused")
                .register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    @Override
    public void phaseStarted(ShutdownPhase next, ShutdownCause cause) {
        phase = next.ordinal() + 1;
    }

    @Override
    public void phaseEnded(ShutdownCause cause, PhaseReport report) {
        time("phase.duration", "How long each shutdown phase took", report.duration(),
                Tags.of("phase", report.phase().name(), "outcome", report.complete() ? "ok" : "timed-out"));
    }

    @Override
    public void drained(int atStart, DrainOutcome outcome, LateRequests late) {
        time("drain.latency", "From the release of the last in-flight work to the end of DRAINING",
                outcome.latency(), Tags.of("outcome", outcome.timedOut() ? "timed-out" : "ok"));
        Counter stillRunning = registry.counter(PREFIX + "drain.still.running", tags);
        meters.add(stillRunning);
        stillRunning.increment(outcome.remaining());
    }

    @Override
    public Consumer<CleanupOutcome> starting(CleanupAction action) {
        return this::notRun;
    }

    @Override
    public void notRun(CleanupOutcome outcome) {
        time("cleanup.duration", "How long each cleanup took", outcome.duration(),
                Tags.of("outcome", outcome.status().name()));
    }

    @Override
    public void checkpointed(CommitOutcome outcome, String store, boolean periodic) {
        Tags checkpoint = Tags.of("kind", periodic ? "periodic" : "final", "result",
                outcome.sequence().isPresent() ? "committed" : "failed");
        time("checkpoint.duration", "How long capturing and committing a checkpoint (every bean) took",
                outcome.duration(), checkpoint);
        if (outcome.sequence().isPresent()) {
            DistributionSummary size = DistributionSummary.builder(PREFIX + "checkpoint.size").baseUnit("bytes")
                    .description("The size of each checkpoint committed (every envelope of the set)").tags(tags)
                    .tag("kind", periodic ? "periodic" : "final").register(registry);
            meters.add(size);
            size.record(outcome.bytes());
        }
    }

    private void time(String name, String description, Duration duration, Tags more) {
        Timer timer = Timer.builder(PREFIX + name).description(description).tags(tags.and(more)).register(registry);
        meters.add(timer);
        timer.record(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
