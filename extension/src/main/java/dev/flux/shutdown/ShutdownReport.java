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
 */
public record ShutdownReport(ShutdownCause cause, List<PhaseReport> phases, Duration total, OptionalInt exitCode) {

    /**
     * Checks the parts and keeps an unmodifiable copy of the phases.
     *
     * @param cause    what started the shutdown
     * @param phases   the phases that ran, in order
     * @param total    time from the start of the shutdown to the end of the last phase
     * @param exitCode the exit code the shutdown chose
     */
    public ShutdownReport {
        Objects.requireNonNull(cause, "cause");
        phases = List.copyOf(phases);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(exitCode, "exitCode");
    }

    /** {@return whether every phase finished within its bounds} */
    public boolean complete() {
        return phases.stream().allMatch(PhaseReport::complete);
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
