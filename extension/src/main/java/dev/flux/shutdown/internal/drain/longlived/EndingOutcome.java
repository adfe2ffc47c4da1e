package dev.flux.shutdown.internal.drain.longlived;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How the ending of long-lived responses at the start of DRAINING went.
 *
 * @param ended    how many of each kind were ended
 * @param unended  how many ends were not written within {@code flux.shutdown.drain.long-lived.timeout} or failed
 * @param duration from the start of the ending until the last end was written (or the bound passed)
 */
record EndingOutcome(Map<LongLived.Kind, Integer> ended, int unended, Duration duration) {

    public EndingOutcome {
        Map<LongLived.Kind, Integer> all = new EnumMap<>(LongLived.Kind.class);
        for (LongLived.Kind kind : LongLived.Kind.values()) {
            all.put(kind, ended.getOrDefault(kind, 0));
        }
        ended = Map.copyOf(all);
    }

    public int total() {
        return ended.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code ended 100 SSE streams, 20 long polls, 50 WebSocket sessions in 41.2ms}. */
    public String summary() {
        StringJoiner counts = new StringJoiner(", ", "ended ", "");
        for (LongLived.Kind kind : LongLived.Kind.values()) {
            counts.add(kind.count(ended.get(kind)));
        }
        return counts + String.format(java.util.Locale.ROOT, " in %.1fms", duration.toNanos() / 1e6)
                + (unended == 0 ? "" : " (" + unended + " not ended cleanly)");
    }
}
