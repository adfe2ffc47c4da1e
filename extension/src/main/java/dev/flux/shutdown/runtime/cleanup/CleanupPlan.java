package dev.flux.shutdown.runtime.cleanup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The cleanups of one shutdown in the order they run, and those that will not run. The order: ascending priority;
 * then the cleanups without a priority; within each, the bean created last first (so that a bean is released
 * before what it was built on), then by name; the built-in cleanups last, in the order they were added.
 */
public final class CleanupPlan {

    private final List<CleanupAction> actions;
    private final List<Skipped> skipped;

    private CleanupPlan(List<CleanupAction> actions, List<Skipped> skipped) {
        this.actions = List.copyOf(actions);
        this.skipped = List.copyOf(skipped);
    }

    /** The cleanups to run, in order. */
    public List<CleanupAction> actions() {
        return actions;
    }

    /** The cleanups that will not run, with why, for the report. */
    public List<Skipped> skipped() {
        return skipped;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A cleanup that will not run.
     *
     * @param reason why, as the report says it: {@code never created}
     */
    public record Skipped(String name, OptionalInt priority, String reason) {

        public Skipped {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Collects cleanups in any order and sorts them once. */
    public static final class Builder {

        private static final Comparator<Ranked> ORDER = Comparator
                .comparing((Ranked r) -> r.action().priority().isEmpty())
                .thenComparingInt(r -> r.action().priority().orElse(0))
                .thenComparing(Comparator.comparingLong(Ranked::createdAs).reversed())
                .thenComparing(r -> r.action().name());

        private final List<Ranked> ranked = new ArrayList<>();
        private final List<CleanupAction> last = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an application cleanup.
         *
         * @param createdAs the rank of its bean's creation: a bean created later has a greater number
         */
        public Builder add(CleanupAction action, long createdAs) {
            if (action.builtIn()) {
                throw new IllegalArgumentException(action.name() + " is built-in: add it with last()");
            }
            ranked.add(new Ranked(action, createdAs));
            return this;
        }

        /** Adds a built-in cleanup, run after every application cleanup. */
        public Builder last(CleanupAction action) {
            last.add(action);
            return this;
        }

        public Builder skip(String name, OptionalInt priority, String reason) {
            skipped.add(new Skipped(name, priority, reason));
            return this;
        }

        public CleanupPlan build() {
            List<CleanupAction> actions = new ArrayList<>();
            ranked.stream().sorted(ORDER).map(Ranked::action).forEach(actions::add);
            actions.addAll(last);
            return new CleanupPlan(actions, skipped.stream().sorted(Comparator.comparing(Skipped::name)).toList());
        }

        private record Ranked(CleanupAction action, long createdAs) {
        }
    }
}
