package dev.flux.shutdown.internal.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.drain.DrainConfig.NewRequests;

/**
 * A shutdown thread interrupted while DRAINING waits (a server abandons a shutdown that outlived its bound): the
 * wait ends without burning a core, the interrupt stays set for the phases after it, and the report says so.
 */
class InterruptedDrainTest {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);

    private final InFlightRegistry registry = new InFlightRegistry();

    /** What the draining thread saw, and the drain's outcome. */
    private record Drained(DrainOutcome outcome, boolean stillInterrupted) {
    }

    /**
     * Measures the draining thread's CPU time from the interrupt until the drain's own deadline has passed and it
     * has returned; the thread then waits on a latch, which costs nothing, so the window measures the drain alone.
     */
    @Test
    void anInterruptedDrainStopsWaitingWithoutSpinning() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadCpuTimeSupported(), "thread CPU time is measurable here");
        threads.setThreadCpuTimeEnabled(true);
        registry.enter(new DescribedWork("GET /stuck"));
        CompletableFuture<Drained> drained = new CompletableFuture<>();
        CountDownLatch measured = new CountDownLatch(1);
        Thread drainer = new Thread(() -> {
            DrainOutcome outcome = registry.drain(DRAIN_TIMEOUT);
            drained.complete(new Drained(outcome, Thread.currentThread().isInterrupted()));
            Thread.interrupted(); // to wait for the end of the measurement
            try {
                measured.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flux-test-drainer");
        drainer.setDaemon(true);
        long started = System.nanoTime();
        drainer.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> registry.isDraining() && drainer.getState() == Thread.State.TIMED_WAITING);

            long cpuBefore = threads.getThreadCpuTime(drainer.getId());
            long interrupted = System.nanoTime();
            drainer.interrupt();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> drained.isDone()
                    && System.nanoTime() - started > DRAIN_TIMEOUT.toNanos()
                    && drainer.getState() != Thread.State.RUNNABLE);
            long cpu = threads.getThreadCpuTime(drainer.getId()) - cpuBefore;
            long wall = System.nanoTime() - interrupted;
            System.out.printf("interrupted drain: %.1f ms CPU in %.1f ms wall time (%.1f%%)%n", cpu / 1e6, wall / 1e6,
                    100.0 * cpu / wall);

            assertThat(Duration.ofNanos(cpu)).as("CPU time of the drainer after the interrupt, in %.0f ms wall time",
                    wall / 1e6).isLessThan(Duration.ofNanos(wall / 20));
            Drained result = drained.get();
            assertThat(result.stillInterrupted()).as("interrupt status kept for the later phases").isTrue();
            assertThat(result.outcome().duration()).as("the wait ended at the interrupt").isLessThan(DRAIN_TIMEOUT);
            assertThat(result.outcome().timedOut()).as("not a complete drain").isTrue();
            assertThat(result.outcome().interrupted()).isTrue();
            assertThat(result.outcome().stillRunning()).singleElement().asString().startsWith("GET /stuck");
            assertThat(registry.isClosed()).as("no new work once DRAINING gave up").isTrue();
        } finally {
            measured.countDown();
        }
    }

    @Test
    void drainingInterruptedIsReportedAsSuchAndIncomplete() {
        registry.enter(new DescribedWork("GET /stuck"));
        DrainingStep step = new DrainingStep(registry,
                new DrainConfig(DRAIN_TIMEOUT, NewRequests.SERVE, Duration.ofSeconds(5)), false);

        Thread.currentThread().interrupt();
        PhaseResult result;
        try {
            result = step.run(ShutdownCause.programmatic("test"));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }

        assertThat(result.timedOut()).isTrue();
        assertThat(result.summary()).contains("1 still in flight when the shutdown thread was interrupted");
        assertThat(result.details()).singleElement().asString().startsWith("GET /stuck");
    }
}
