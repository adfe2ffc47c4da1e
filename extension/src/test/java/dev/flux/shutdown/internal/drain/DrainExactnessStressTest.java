package dev.flux.shutdown.internal.drain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads enter and release work while DRAINING starts and ends, round after round: DRAINING never ends while
 * work is in flight, and never misses the last release. Work is released at once, held in numbers (more than the
 * slots of one thread hold, so the exact path is used too), handed to another thread, and released twice from two
 * threads.
 */
class DrainExactnessStressTest {

    /** Rounds run until this budget is spent, at least {@link #MIN_ROUNDS}, so a loaded machine still finishes. */
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final int MIN_ROUNDS = 30;
    private static final int THREADS = 4;
    /** Works each thread enters before DRAINING may start (none is refused before then). */
    private static final int WARM_UP = 50;
    /**
     * Far above any scheduling delay on a loaded machine, even a virtual machine paused for seconds; a missed wake-up
     * waits for the drain timeout, three times as long.
     */
    private static final Duration LATENCY_BOUND = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final long BOUND_SECONDS = 60;
    private static final String[] KINDS = {"at once", "at once", "at once", "handed over", "twice", "held", "held",
        "held"};

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void drainingNeverEndsWithWorkInFlightAndNeverMissesTheLastRelease() throws Exception {
        long end = System.nanoTime() + BUDGET.toNanos();
        int round = 0;
        for (; round < MIN_ROUNDS || System.nanoTime() - end < 0; round++) {
            Round r = new Round();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(r::work));
            }
            assertThat(r.warmedUp.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("workers started").isTrue();
            spin(ThreadLocalRandom.current().nextInt(2000));

            long drainStart = System.nanoTime();
            DrainOutcome outcome = r.registry.drain(DRAIN_TIMEOUT);

            for (Future<?> worker : workers) {
                worker.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }
            String where = "round " + round + ", " + r.entered + " works entered, the last worker ended "
                    + (r.lastWorkerEnd.get() - drainStart) / 1_000_000 + " ms after DRAINING started, "
                    + r.registry.inFlight() + " in flight then, still running at the end: " + outcome.stillRunning();
            assertThat(outcome.timedOut()).as("DRAINING timed out, " + where).isFalse();
            assertThat(outcome.latency()).as("time from the last release to the end of DRAINING, " + where)
                    .isLessThan(LATENCY_BOUND);
            assertThat(r.releasedAfterTheEnd).as("works released after DRAINING ended, " + where).hasValue(0);
            assertThat(r.registry.inFlight()).as("in flight after every release, " + where).isZero();
            assertThat(r.registry.enter(new DescribedWork("late"))).as("admitted after the end, " + where).isFalse();
        }
        System.out.println(getClass().getSimpleName() + ": " + round + " rounds");
    }

    /** One registry drained while {@link #THREADS} workers use it. */
    private static final class Round {

        final InFlightRegistry registry = new InFlightRegistry();
        final CountDownLatch warmedUp = new CountDownLatch(THREADS);
        final Queue<DescribedWork> handedOver = new ConcurrentLinkedQueue<>();
        final AtomicInteger producers = new AtomicInteger(THREADS);
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger releasedAfterTheEnd = new AtomicInteger();
        final AtomicLong lastWorkerEnd = new AtomicLong(Long.MIN_VALUE);

        void work() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Deque<DescribedWork> held = new ArrayDeque<>();
            int lateArrivals = -1; // how many more works to enter once DRAINING is seen, as clients still arrive
            try {
                for (int i = 0; lateArrivals != 0; i++) {
                    if (i == WARM_UP) {
                        warmedUp.countDown();
                    }
                    if (lateArrivals < 0 && registry.isDraining()) {
                        lateArrivals = 1 + random.nextInt(40);
                    } else if (lateArrivals > 0) {
                        lateArrivals--;
                    }
                    int kind = random.nextInt(8);
                    DescribedWork work = new DescribedWork(KINDS[kind]);
                    if (!registry.enter(work)) {
                        break;
                    }
                    entered.incrementAndGet();
                    switch (kind) {
                        case 0, 1, 2 -> release(work);
                        case 3 -> handedOver.add(work);
                        case 4 -> {
                            handedOver.add(work);
                            release(work);
                        }
                        default -> {
                            held.push(work);
                            if (held.size() > random.nextInt(2 * WorkSlots.PER_THREAD)) {
                                while (!held.isEmpty()) {
                                    release(random.nextBoolean() ? held.pollFirst() : held.pollLast());
                                }
                            }
                        }
                    }
                    DescribedWork other = handedOver.poll();
                    if (other != null) {
                        release(other);
                    }
                }
            } finally {
                held.forEach(this::release);
                if (producers.decrementAndGet() == 0) {
                    // every other worker has handed over its last work by now: the last one out releases the rest
                    for (DescribedWork other; (other = handedOver.poll()) != null;) {
                        release(other);
                    }
                }
                lastWorkerEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }

        /** Releases {@code work}, noting whether DRAINING had already ended while it was in flight. */
        private void release(DescribedWork work) {
            boolean endedBefore = registry.isClosed();
            if (work.release() && endedBefore) {
                releasedAfterTheEnd.incrementAndGet();
            }
        }
    }

    private static void spin(int iterations) {
        for (int i = 0; i < iterations; i++) {
            Thread.onSpinWait();
        }
    }
}
