package dev.flux.shutdown.internal.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.cleanup.CleanupOutcome.Status;

class CleanupRunnerTest {

    private final CleanupRunner runner = new CleanupRunner();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void releaseHangingCleanups() {
        never.countDown();
    }

    @Test
    void cleanupsRunOneAtATimeInPlanOrder() {
        CompletableFuture<Void> firstDone = new CompletableFuture<>();
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("first", OptionalInt.of(1), Duration.ofSeconds(30), () -> {
                    ran.add("first");
                    firstDone.complete(null);
                    return null;
                }), 0)
                .add(CleanupAction.of("second", OptionalInt.of(2), Duration.ofSeconds(30), () -> {
                    ran.add("second after first done: " + firstDone.isDone());
                    return null;
                }), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(ran).containsExactly("first", "second after first done: true");
        assertThat(outcomes).extracting(CleanupOutcome::status).containsExactly(Status.OK, Status.OK);
    }

    @Test
    void throwingCleanupIsReportedFailedAndTheNextOneRuns() {
        IllegalStateException boom = new IllegalStateException("pool busy");
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("throws", OptionalInt.of(1), Duration.ofSeconds(30), () -> {
                    throw boom;
                }), 0)
                .add(recording("next", 2), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(0).failure()).containsSame(boom);
        assertThat(ran).containsExactly("next");
    }

    @Test
    void hangingCleanupTimesOutIsInterruptedAndTheNextOneRuns() throws Exception {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("hangs", OptionalInt.of(1), Duration.ofMillis(200), () -> {
                    try {
                        never.await();
                        interrupted.complete(false);
                    } catch (InterruptedException e) {
                        interrupted.complete(true);
                    }
                    return null;
                }), 0)
                .add(recording("next", 2), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(outcomes.get(0).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(outcomes.get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(ran).containsExactly("next");
        assertThat(interrupted.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void returnedStageIsAwaitedBeforeTheNextCleanup() {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("async", OptionalInt.of(1), Duration.ofSeconds(30), () -> {
                    Thread completer = new Thread(() -> {
                        ran.add("async work");
                        stage.complete(null);
                    }, "test-completer");
                    completer.start();
                    return stage;
                }), 0)
                .add(recording("next", 2), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(outcomes).extracting(CleanupOutcome::status).containsExactly(Status.OK, Status.OK);
        assertThat(ran).containsExactly("async work", "next");
    }

    @Test
    void stageCompletedExceptionallyIsReportedFailedWithItsCause() {
        IllegalStateException boom = new IllegalStateException("flush failed");
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("async", OptionalInt.empty(), Duration.ofSeconds(30),
                        () -> CompletableFuture.runAsync(() -> {
                            throw boom;
                        })), 0)
                .build();

        CleanupOutcome outcome = runner.run(plan).get(0);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.failure()).containsSame(boom);
    }

    @Test
    void stageThatNeverCompletesTimesOutWithinTheSameBound() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("async", OptionalInt.of(1), Duration.ofMillis(200),
                        () -> new CompletableFuture<Void>()), 0)
                .add(recording("next", 2), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(outcomes.get(0).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(ran).containsExactly("next");
    }

    @Test
    void eachCleanupRunsOnANamedDaemonThread() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("a", OptionalInt.empty(), Duration.ofSeconds(30), () -> {
                    threads.add(Thread.currentThread());
                    return null;
                }), 0)
                .last(CleanupAction.builtIn("b", Duration.ofSeconds(30), () -> {
                    threads.add(Thread.currentThread());
                    return null;
                }))
                .build();

        runner.run(plan);

        assertThat(threads).hasSize(2).allSatisfy(thread -> {
            assertThat(thread.getName()).isEqualTo(CleanupRunner.THREAD_NAME);
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(threads.get(0)).isNotSameAs(threads.get(1));
    }

    @Test
    void skippedCleanupsAreReportedAfterTheOnesThatRan() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(new PendingCleanup("never", OptionalInt.of(1), Optional::empty))
                .add(recording("runs", 2), 0)
                .build();

        List<CleanupOutcome> outcomes = runner.run(plan);

        assertThat(outcomes).extracting(CleanupOutcome::reportLine).satisfiesExactly(
                line -> assertThat(line).matches("runs \\[priority 2\\]: ok in \\d+ms"),
                line -> assertThat(line).isEqualTo("never [priority 1]: skipped (never created)"));
    }

    private CleanupAction recording(String name, int priority) {
        return CleanupAction.of(name, OptionalInt.of(priority), Duration.ofSeconds(30), () -> {
            ran.add(name);
            return null;
        });
    }
}
