package dev.flux.shutdown;

import java.time.Duration;

/**
 * Stand-in for flux-shutdown's phase event, compiled only in the {@code without-flux-shutdown} profile of the
 * sample: nothing fires it, so the sample's observer never runs. Phase and cause are plain objects here, since the
 * observer only prints them.
 */
public record ShutdownPhaseEvent(Object phase, Object cause, Duration elapsed) {
}
