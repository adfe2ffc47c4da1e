package dev.flux.shutdown.internal.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.phase.PhaseResult;

class CleaningStepTest {

    private static final ShutdownCause CAUSE = ShutdownCause.programmatic("test");

    @Test
    void timedOutCleanupMakesThePhaseTimedOut() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            CleanupPlan plan = CleanupPlan.builder()
                    .add(CleanupAction.of("hangs", OptionalInt.empty(), Duration.ofMillis(100), () -> {
                        never.await();
                        return null;
                    }), 0)
                    .build();

            PhaseResult result = new CleaningStep(cause -> plan, new CleanupRunner()).run(CAUSE);

            assertThat(result.timedOut()).isTrue();
            assertThat(result.summary()).isEqualTo("1 cleanups: 0 ok, 0 failed, 1 timed out, 0 skipped");
            assertThat(result.details()).singleElement().asString()
                    .matches("hangs \\[no priority\\]: timed out after \\d+ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void failedCleanupIsReportedButDoesNotMakeThePhaseTimedOut() {
        CleanupPlan plan = CleanupPlan.builder()
                .add(CleanupAction.of("throws", OptionalInt.of(7), Duration.ofSeconds(30), () -> {
                    throw new IllegalStateException("boom");
                }), 0)
                .last(CleanupAction.builtIn("flush", Duration.ofSeconds(30), () -> null))
                .add(new PendingCleanup("never", OptionalInt.empty(), Optional::empty))
                .build();

        PhaseResult result = new CleaningStep(cause -> plan, new CleanupRunner()).run(CAUSE);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.summary()).isEqualTo("3 cleanups: 1 ok, 1 failed, 0 timed out, 1 skipped");
        assertThat(result.details()).satisfiesExactly(
                line -> assertThat(line)
                        .matches("throws \\[priority 7\\]: failed in \\d+ms: java.lang.IllegalStateException: boom"),
                line -> assertThat(line).matches("flush \\[built-in\\]: ok in \\d+ms"),
                line -> assertThat(line).isEqualTo("never [no priority]: skipped (never created)"));
    }
}
