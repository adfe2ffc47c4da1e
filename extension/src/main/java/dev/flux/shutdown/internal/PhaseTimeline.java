package dev.flux.shutdown.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * What one shutdown has done so far: the phase running now, when it and the whole shutdown started, and the
 * phases that finished. The report is made from it, complete at the end or partial when the watchdog expires, on
 * whichever thread asks.
 */
final class PhaseTimeline {

    private final List<PhaseReport> finished = new ArrayList<>();
    private volatile ShutdownPhase phase;
    private long startNanos;
    private long phaseStartNanos;

    /** Starts the shutdown in {@code first}; returns the start time ({@link System#nanoTime()}). */
    synchronized long start(ShutdownPhase first) {
        startNanos = System.nanoTime();
        phaseStartNanos = startNanos;
        phase = first;
        return startNanos;
    }

    /** Enters the next phase; returns its start time. */
    synchronized long enter(ShutdownPhase next) {
        phaseStartNanos = System.nanoTime();
        phase = next;
        return phaseStartNanos;
    }

    synchronized void finish(PhaseReport phaseReport) {
        finished.add(phaseReport);
    }

    Optional<ShutdownPhase> phase() {
        return Optional.ofNullable(phase);
    }

    /** Time since the shutdown started, at {@code nanos}. */
    synchronized Duration elapsedAt(long nanos) {
        return Duration.ofNanos(nanos - startNanos);
    }

    /**
     * The report of the phases that finished.
     *
     * @param exitCode the exit code for a report that is complete ({@code true}) or not
     */
    synchronized ShutdownReport report(ShutdownCause cause, Function<Boolean, OptionalInt> exitCode,
            LateRequests late) {
        boolean complete = finished.stream().allMatch(PhaseReport::complete);
        return new ShutdownReport(cause, finished, since(startNanos), exitCode.apply(complete), late);
    }

    /**
     * The report at the watchdog's expiry: the phases that finished, then the one still running, as timed out, so
     * that the report and the exit code agree.
     */
    synchronized ShutdownReport timedOut(ShutdownCause cause, OptionalInt exitCode, LateRequests late) {
        List<PhaseReport> phases = new ArrayList<>(finished);
        ShutdownPhase running = phase;
        if (phases.stream().noneMatch(done -> done.phase() == running)) {
            phases.add(new PhaseReport(running, since(phaseStartNanos), false,
                    "still running when " + ConfigKeys.TIMEOUT + " expired", List.of()));
        }
        return new ShutdownReport(cause, phases, since(startNanos), exitCode, late);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
