package dev.flux.shutdown.internal.drain;

import java.time.Duration;
import java.util.List;

/**
 * How DRAINING ended.
 *
 * @param timedOut     whether DRAINING gave up before its end: {@code flux.shutdown.drain.timeout} passed with work
 *                     still in flight, or the wait was interrupted
 * @param duration     how long DRAINING waited
 * @param latency      time from the release of the last in-flight work to the end of DRAINING (zero when nothing
 *                     was in flight)
 * @param remaining    how much work was still in flight at the end
 * @param stillRunning one line per piece of work still in flight: what it is and for how long it has run
 * @param quiet        whether no request arrived for the whole quiet period before the end; {@code false} when
 *                     requests still arrived until the timeout (all work finished) or when work was still running
 * @param interrupted  whether the shutdown thread was interrupted while DRAINING waited, which ended the wait
 */
public record DrainOutcome(boolean timedOut, Duration duration, Duration latency, int remaining,
        List<String> stillRunning, boolean quiet, boolean interrupted) {

    /** An outcome of a wait that was not interrupted. */
    public DrainOutcome(boolean timedOut, Duration duration, Duration latency, int remaining, List<String> stillRunning,
            boolean quiet) {
        this(timedOut, duration, latency, remaining, stillRunning, quiet, false);
    }

    static DrainOutcome drained(Duration duration, Duration latency, boolean quiet) {
        return new DrainOutcome(false, duration, latency, 0, List.of(), quiet);
    }

    static DrainOutcome timedOut(Duration duration, int remaining, List<String> stillRunning) {
        return new DrainOutcome(true, duration, Duration.ZERO, remaining, List.copyOf(stillRunning), false);
    }

    static DrainOutcome interrupted(Duration duration, int remaining, List<String> stillRunning) {
        return new DrainOutcome(true, duration, Duration.ZERO, remaining, List.copyOf(stillRunning), false, true);
    }
}
