package dev.flux.shutdown.internal.phase;

import java.util.List;

/**
 * How one phase's work went.
 *
 * @param timedOut whether a bound was exceeded (this makes the exit code {@code forced-exit-code})
 * @param summary  one line of counts for the report
 * @param details  one line per item worth reporting
 */
public record PhaseResult(boolean timedOut, String summary, List<String> details) {

    public PhaseResult {
        details = List.copyOf(details);
    }

    public static PhaseResult completed(String summary) {
        return new PhaseResult(false, summary, List.of());
    }
}
