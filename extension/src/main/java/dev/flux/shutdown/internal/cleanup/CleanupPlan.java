package dev.flux.shutdown.internal.cleanup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cleanups of one shutdown, and the order in which they take their turns: ascending priority; then the cleanups
 * without a priority; within each, the bean created last first (so that a bean is released before what it was built
 * on), then by name; the built-in cleanups last, in the order they were added.
 * <p>
 * Whether a cleanup's bean exists is decided when its turn comes, by {@link Turns}: a bean first created by an
 * earlier cleanup has its own cleanup run, and counts as the newest bean. A cleanup whose bean does not exist when
 * no other cleanup of its rank is left is skipped, reported as {@code never created}.
 */
public final class CleanupPlan {

    /** Why a cleanup whose bean does not exist when its turn comes is skipped. */
    public static final String NEVER_CREATED = "never created";

    private final List<PendingCleanup> pending;
    private final List<CleanupAction> last;

    private CleanupPlan(List<PendingCleanup> pending, List<CleanupAction> last) {
        this.pending = List.copyOf(pending);
        this.last = List.copyOf(last);
    }

    /** Starts going through the plan; each call starts afresh. */
    public Turns turns() {
        return new Turns();
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

    /**
     * A cleanup that had no turn.
     *
     * @param rank its place in the order, as {@link CleanupOutcome#rank()} shows it
     */
    public record NotRun(String name, String rank) {
    }

    /**
     * One pass through the plan, deciding each turn when it comes. Within the cleanups of the lowest rank left (one
     * priority, or no priority), the one of the newest existing bean goes next; when none of them has a bean, they
     * are all skipped and the next rank comes.
     */
    public final class Turns {

        private static final Comparator<PendingCleanup.Ready> NEWEST_FIRST = Comparator
                .comparingLong(PendingCleanup.Ready::createdAs).reversed()
                .thenComparing(ready -> ready.action().name());

        private final List<PendingCleanup> left = new ArrayList<>(pending);
        private final Iterator<CleanupAction> builtIns = last.iterator();
        private final List<Skipped> skipped = new ArrayList<>();

        private Turns() {
        }

        /** The next cleanup to run, or empty when every cleanup has had its turn. */
        public Optional<CleanupAction> next() {
            while (!left.isEmpty()) {
                OptionalInt rank = left.stream().map(PendingCleanup::priority).min(Turns::compareRanks).orElseThrow();
                List<PendingCleanup> sameRank = left.stream().filter(p -> p.priority().equals(rank)).toList();
                Optional<Chosen> chosen = sameRank.stream()
                        .flatMap(p -> p.lookup().find().map(ready -> new Chosen(p, ready)).stream())
                        .min(Comparator.comparing(Chosen::ready, NEWEST_FIRST));
                if (chosen.isPresent()) {
                    left.remove(chosen.get().pending());
                    return Optional.of(chosen.get().ready().action());
                }
                sameRank.forEach(p -> skipped.add(new Skipped(p.name(), p.priority(), NEVER_CREATED)));
                left.removeAll(sameRank);
            }
            return builtIns.hasNext() ? Optional.of(builtIns.next()) : Optional.empty();
        }

        /** The cleanups that have not had their turn yet, for the report of an interrupted CLEANING. */
        public List<NotRun> notYetRun() {
            List<NotRun> notRun = new ArrayList<>();
            left.forEach(p -> notRun.add(new NotRun(p.name(), CleanupAction.rank(false, p.priority()))));
            builtIns.forEachRemaining(a -> notRun.add(new NotRun(a.name(), a.rank())));
            return notRun;
        }

        /** The cleanups skipped so far, by name. */
        public List<Skipped> skipped() {
            return skipped.stream().sorted(Comparator.comparing(Skipped::name)).toList();
        }

        /** Prioritized before unprioritized, then ascending priority. */
        private static int compareRanks(OptionalInt a, OptionalInt b) {
            if (a.isPresent() != b.isPresent()) {
                return a.isPresent() ? -1 : 1;
            }
            return a.isPresent() ? Integer.compare(a.getAsInt(), b.getAsInt()) : 0;
        }

        private record Chosen(PendingCleanup pending, PendingCleanup.Ready ready) {
        }
    }

    /** Collects the cleanups in any order. */
    public static final class Builder {

        private final List<PendingCleanup> pending = new ArrayList<>();
        private final List<CleanupAction> last = new ArrayList<>();

        private Builder() {
        }

        /** Adds an application cleanup whose bean's existence is looked up when its turn comes. */
        public Builder add(PendingCleanup cleanup) {
            pending.add(cleanup);
            return this;
        }

        /**
         * Adds an application cleanup whose bean exists.
         *
         * @param createdAs the rank of its bean's creation: a bean created later has a greater number
         */
        public Builder add(CleanupAction action, long createdAs) {
            if (action.builtIn()) {
                throw new IllegalArgumentException(action.name() + " is built-in: add it with last()");
            }
            return add(PendingCleanup.of(action, createdAs));
        }

        /** Adds a built-in cleanup, run after every application cleanup. */
        public Builder last(CleanupAction action) {
            last.add(action);
            return this;
        }

        public CleanupPlan build() {
            return new CleanupPlan(pending, last);
        }
    }
}
