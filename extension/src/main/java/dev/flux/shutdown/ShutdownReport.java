package dev.flux.shutdown;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a shutdown did: one entry per phase that ran, and the exit code it chose.
 *
 * @param cause    what started the shutdown
 * @param phases   the phases that ran, in order
 * @param total    time from the start of the shutdown to the end of the last phase
 * @param exitCode the code the library ends the process with: {@code flux.shutdown.exit-code} if every phase
 *                 completed within its bounds, else {@code flux.shutdown.forced-exit-code}; empty when the library
 *                 does not end the process (a server hosts the application, or the CDI container was closed by
 *                 its owner)
 * @param late     the requests that arrived once DRAINING had started: served, or refused with 503
 */
public record ShutdownReport(ShutdownCause cause, List<PhaseReport> phases, Duration total, OptionalInt exitCode,
        LateRequests late) {

    /**
     * Checks the parts and keeps an unmodifiable copy of the phases.
     *
     * @param cause    what started the shutdown
     * @param phases   the phases that ran, in order
     * @param total    time from the start of the shutdown to the end of the last phase
     * @param exitCode the exit code the shutdown chose
     * @param late     the requests that arrived once DRAINING had started
     */
    public ShutdownReport {
        Objects.requireNonNull(cause, "cause");
        phases = List.copyOf(phases);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(late, "late");
    }

    /**
     * A report in which no request arrived late.
     *
     * @param cause    what started the shutdown
     * @param phases   the phases that ran, in order
     * @param total    time from the start of the shutdown to the end of the last phase
     * @param exitCode the exit code the shutdown chose
     */
    public ShutdownReport(ShutdownCause cause, List<PhaseReport> phases, Duration total, OptionalInt exitCode) {
        this(cause, phases, total, exitCode, LateRequests.NONE);
    }

    /**
     * {@return whether every phase finished within its bounds} Refused requests do not change it, as they do not
     * change the exit code; {@link #late()} tells of them.
     */
    public boolean complete() {
        return phases.stream().allMatch(PhaseReport::complete);
    }

    /**
     * The requests that arrived once DRAINING had started, because a load balancer or a proxy still routed them
     * here. Refused ones are clients turned away: a rollout that refuses any needs a longer
     * {@code flux.shutdown.readiness-delay} or {@code flux.shutdown.drain.quiet-period}.
     *
     * @param served                requests served during DRAINING ({@code drain.new-requests=serve})
     * @param refusedDuringDraining requests refused with 503 during DRAINING ({@code drain.new-requests=reject})
     * @param refusedAfterDraining  requests refused with 503 after DRAINING had ended, until the report
     */
    public record LateRequests(long served, long refusedDuringDraining, long refusedAfterDraining) {

        /** No request arrived late. */
        public static final LateRequests NONE = new LateRequests(0, 0, 0);

        /** {@return every request refused, during and after DRAINING} */
        public long refused() {
            return refusedDuringDraining + refusedAfterDraining;
        }
    }

    /**
     * One phase of the report.
     *
     * @param phase    the phase
     * @param duration how long it ran
     * @param complete {@code false} if a bound was exceeded or a step failed in this phase
     * @param summary  a one-line summary of what the phase did (counts, outcome)
     * @param details  one line per step worth reporting (a cleanup, a checkpoint, work still running)
     */
    public record PhaseReport(ShutdownPhase phase, Duration duration, boolean complete, String summary,
            List<String> details) {

        /**
         * Checks the parts and keeps an unmodifiable copy of the details.
         *
         * @param phase    the phase
         * @param duration how long it ran
         * @param complete whether it finished within its bounds
         * @param summary  its one-line summary
         * @param details  its detail lines
         */
        public PhaseReport {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(summary, "summary");
            details = List.copyOf(details);
        }
    }
}
