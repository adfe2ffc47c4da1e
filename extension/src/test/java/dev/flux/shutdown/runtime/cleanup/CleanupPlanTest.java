package dev.flux.shutdown.runtime.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class CleanupPlanTest {

    @Test
    void prioritizedCleanupsRunInAscendingPriority() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("thirty", 30), 0)
                .add(action("ten", 10), 1)
                .add(action("minus-five", -5), 2)
                .build();

        assertThat(plan.actions()).extracting(CleanupAction::name).containsExactly("minus-five", "ten", "thirty");
    }

    @Test
    void cleanupsWithoutPriorityRunAfterPrioritizedOnesInReverseCreationOrder() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("created-first"), 1)
                .add(action("prioritized", 1000), 2)
                .add(action("created-last"), 3)
                .add(action("created-second"), 2)
                .build();

        assertThat(plan.actions()).extracting(CleanupAction::name)
                .containsExactly("prioritized", "created-last", "created-second", "created-first");
    }

    @Test
    void equalPrioritiesRunInReverseCreationOrderThenByName() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("old", 5), 1)
                .add(action("young-b", 5), 2)
                .add(action("young-a", 5), 2)
                .build();

        assertThat(plan.actions()).extracting(CleanupAction::name).containsExactly("young-a", "young-b", "old");
    }

    @Test
    void builtInCleanupsRunAfterEveryApplicationCleanup() {
        CleanupPlan plan = CleanupPlan.builder()
                .last(CleanupAction.builtIn("flush", Duration.ofSeconds(1), () -> null))
                .add(action("unprioritized"), 1)
                .add(action("prioritized", Integer.MAX_VALUE), 2)
                .build();

        assertThat(plan.actions()).extracting(CleanupAction::name)
                .containsExactly("prioritized", "unprioritized", "flush");
    }

    @Test
    void skippedCleanupsAreKeptApartFromTheOnesToRun() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(action("runs"), 1)
                .skip("never-created", OptionalInt.of(3), "never created")
                .build();

        assertThat(plan.actions()).extracting(CleanupAction::name).containsExactly("runs");
        assertThat(plan.skipped()).containsExactly(
                new CleanupPlan.Skipped("never-created", OptionalInt.of(3), "never created"));
    }

    private static CleanupAction action(String name, int priority) {
        return CleanupAction.of(name, OptionalInt.of(priority), Duration.ofSeconds(1), () -> null);
    }

    private static CleanupAction action(String name) {
        return CleanupAction.of(name, OptionalInt.empty(), Duration.ofSeconds(1), () -> null);
    }
}
