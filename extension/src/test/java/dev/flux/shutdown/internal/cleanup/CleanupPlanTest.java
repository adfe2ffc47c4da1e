package dev.flux.shutdown.internal.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CleanupPlanTest {

    @Test
    void prioritizedCleanupsRunInAscendingPriority() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("thirty", 30), 0)
                .add(action("ten", 10), 1)
                .add(action("minus-five", -5), 2)
                .build();

        assertThat(order(plan)).containsExactly("minus-five", "ten", "thirty");
    }

    @Test
    void cleanupsWithoutPriorityRunAfterPrioritizedOnesInReverseCreationOrder() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("created-first"), 1)
                .add(action("prioritized", 1000), 2)
                .add(action("created-last"), 3)
                .add(action("created-second"), 2)
                .build();

        assertThat(order(plan))
                .containsExactly("prioritized", "created-last", "created-second", "created-first");
    }

    @Test
    void equalPrioritiesRunInReverseCreationOrderThenByName() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("old", 5), 1)
                .add(action("young-b", 5), 2)
                .add(action("young-a", 5), 2)
                .build();

        assertThat(order(plan)).containsExactly("young-a", "young-b", "old");
    }

    @Test
    void builtInCleanupsRunAfterEveryApplicationCleanup() {
        CleanupPlan plan = CleanupPlan.builder()
                .last(CleanupAction.builtIn("flush", Duration.ofSeconds(1), () -> null))
                .add(action("unprioritized"), 1)
                .add(action("prioritized", Integer.MAX_VALUE), 2)
                .build();

        assertThat(order(plan))
                .containsExactly("prioritized", "unprioritized", "flush");
    }

    @Test
    void cleanupWhoseBeanDoesNotExistWhenItsTurnComesIsSkipped() {
        CleanupPlan.Turns turns = CleanupPlan.builder()
                .add(action("runs"), 1)
                .add(new PendingCleanup("never-created", OptionalInt.of(3), Optional::empty))
                .build().turns();

        assertThat(namesOf(turns)).containsExactly("runs");
        assertThat(turns.skipped()).containsExactly(
                new CleanupPlan.Skipped("never-created", OptionalInt.of(3), "never created"));
    }

    @Test
    void beanCreatedByAnEarlierCleanupHasItsCleanupRunInItsTurn() {
        AtomicReference<PendingCleanup.Ready> auditTrail = new AtomicReference<>();
        CleanupPlan.Turns turns = CleanupPlan.builder()
                .add(new PendingCleanup("audit", OptionalInt.of(30), () -> Optional.ofNullable(auditTrail.get())))
                .add(CleanupAction.of("orders", OptionalInt.of(10), Duration.ofSeconds(1), () -> {
                    auditTrail.set(new PendingCleanup.Ready(action("audit", 30), 5));
                    return null;
                }), 1)
                .add(action("payments", 20), 2)
                .build().turns();

        assertThat(runAll(turns)).containsExactly("orders", "payments", "audit");
        assertThat(turns.skipped()).isEmpty();
    }

    @Test
    void beanCreatedDuringCleaningIsTheNewestForUnprioritizedCleanups() {
        AtomicReference<PendingCleanup.Ready> journal = new AtomicReference<>();
        AtomicReference<PendingCleanup.Ready> archive = new AtomicReference<>();
        CleanupPlan.Turns turns = CleanupPlan.builder()
                .add(new PendingCleanup("journal", OptionalInt.empty(), () -> Optional.ofNullable(journal.get())))
                .add(new PendingCleanup("archive", OptionalInt.empty(), () -> Optional.ofNullable(archive.get())))
                .add(action("cache"), 2)
                .add(CleanupAction.of("older", OptionalInt.empty(), Duration.ofSeconds(1), () -> null), 1)
                .add(CleanupAction.of("orders", OptionalInt.of(10), Duration.ofSeconds(1), () -> {
                    journal.set(new PendingCleanup.Ready(CleanupAction.of("journal", OptionalInt.empty(),
                            Duration.ofSeconds(1), () -> {
                                archive.set(new PendingCleanup.Ready(action("archive"), 4));
                                return null;
                            }), 3));
                    return null;
                }), 0)
                .build().turns();

        assertThat(runAll(turns)).containsExactly("orders", "journal", "archive", "cache", "older");
    }

    @Test
    void existenceIsDecidedOnceAtTheTurnOfTheCleanupsRank() {
        AtomicReference<PendingCleanup.Ready> late = new AtomicReference<>();
        CleanupPlan.Turns turns = CleanupPlan.builder()
                .add(new PendingCleanup("late", OptionalInt.of(10), () -> Optional.ofNullable(late.get())))
                .add(CleanupAction.of("creates-too-late", OptionalInt.of(20), Duration.ofSeconds(1), () -> {
                    late.set(new PendingCleanup.Ready(action("late", 10), 9));
                    return null;
                }), 1)
                .build().turns();

        assertThat(runAll(turns)).containsExactly("creates-too-late");
        assertThat(turns.skipped()).extracting(CleanupPlan.Skipped::name).containsExactly("late");
    }

    @Test
    void cleanupsLeftWhenCleaningStopsAreListedWithTheirRank() {
        CleanupPlan.Turns turns = CleanupPlan.builder()
                .add(action("first", 1), 1)
                .add(action("second"), 1)
                .last(CleanupAction.builtIn("flush", Duration.ofSeconds(1), () -> null))
                .build().turns();

        turns.next();

        assertThat(turns.notYetRun()).containsExactly(new CleanupPlan.NotRun("second", "no priority"),
                new CleanupPlan.NotRun("flush", "built-in"));
    }

    /** The names in turn order, without running them: for cleanups whose beans all exist from the start. */
    private static List<String> order(CleanupPlan plan) {
        return namesOf(plan.turns());
    }

    private static List<String> namesOf(CleanupPlan.Turns turns) {
        List<String> names = new ArrayList<>();
        for (Optional<CleanupAction> next = turns.next(); next.isPresent(); next = turns.next()) {
            names.add(next.get().name());
        }
        return names;
    }

    /** Runs each cleanup in its turn, as the runner does, so that a cleanup may create beans of later ones. */
    private static List<String> runAll(CleanupPlan.Turns turns) {
        List<String> names = new ArrayList<>();
        for (Optional<CleanupAction> next = turns.next(); next.isPresent(); next = turns.next()) {
            try {
                next.get().body().run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            names.add(next.get().name());
        }
        return names;
    }

    private static CleanupAction action(String name, int priority) {
        return CleanupAction.of(name, OptionalInt.of(priority), Duration.ofSeconds(1), () -> null);
    }

    private static CleanupAction action(String name) {
        return CleanupAction.of(name, OptionalInt.empty(), Duration.ofSeconds(1), () -> null);
    }
}
