package dev.flux.shutdown.internal.drain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightRegistryTest {

    private final InFlightRegistry registry = new InFlightRegistry();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void drainWithNothingInFlightEndsAtOnceAndClosesTheGate() {
        DrainOutcome outcome = registry.drain(Duration.ofSeconds(30));

        assertThat(outcome.timedOut()).isFalse();
        assertThat(registry.isClosed()).isTrue();
        assertThat(registry.enter(new DescribedWork("late"))).isFalse();
    }

    @Test
    void releasingTwiceCountsOnce() {
        DescribedWork first = new DescribedWork("first");
        DescribedWork second = new DescribedWork("second");
        registry.enter(first);
        registry.enter(second);

        assertThat(first.release()).isTrue();
        assertThat(first.release()).isFalse();
        first.close();

        assertThat(registry.inFlight()).isEqualTo(1);
    }

    @Test
    void drainEndsWhenTheLastWorkIsReleased() throws Exception {
        DescribedWork work = new DescribedWork("slow");
        registry.enter(work);
        Future<DrainOutcome> drained = executor.submit(() -> registry.drain(Duration.ofSeconds(30)));
        awaitDraining();

        assertThat(drained).isNotDone();
        work.release();

        DrainOutcome outcome = drained.get(10, TimeUnit.SECONDS);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.remaining()).isZero();
    }

    @Test
    void workAdmittedWhileDrainingIsAlsoAwaited() throws Exception {
        DescribedWork early = new DescribedWork("early");
        registry.enter(early);
        Future<DrainOutcome> drained = executor.submit(() -> registry.drain(Duration.ofSeconds(30)));
        awaitDraining();
        DescribedWork late = new DescribedWork("late");
        assertThat(registry.enter(late)).isTrue();

        early.release();
        assertThat(registry.isClosed()).isFalse();
        late.release();

        assertThat(drained.get(10, TimeUnit.SECONDS).timedOut()).isFalse();
    }

    @Test
    void withAQuietPeriodDrainingLastsAtLeastThatLongEvenWithNothingInFlight() {
        DrainOutcome outcome = registry.drain(Duration.ofSeconds(30), Duration.ofMillis(300));

        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.quiet()).isTrue();
        assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(registry.isClosed()).isTrue();
    }

    /**
     * The arrival comes once the quiet period counted from the start of DRAINING is long over (work held in flight
     * keeps DRAINING open until then), so a registry that forgot the arrival would end DRAINING on the release.
     * DRAINING runs on this thread: it started no earlier than {@code called}, hence ended no earlier than
     * {@code called} plus its duration, a bound that owes nothing to when this thread wakes up afterwards.
     */
    @Test
    void anArrivalDuringTheQuietPeriodStartsItAgain() throws Exception {
        Duration quietPeriod = Duration.ofMillis(500);
        DescribedWork early = new DescribedWork("early");
        registry.enter(early);
        AtomicLong arrivedNoEarlierThan = new AtomicLong();
        Future<?> arrival = executor.submit(() -> {
            awaitDraining();
            long draining = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> System.nanoTime() - draining >= quietPeriod.toNanos());
            DescribedWork late = new DescribedWork("late");
            assertThat(registry.admit(late)).isEqualTo(InFlightRegistry.Admission.LATE);
            arrivedNoEarlierThan.set(System.nanoTime());
            registry.requestArrived(); // as the request filter does for a late request
            late.release();
            early.release();
            return null;
        });

        long called = System.nanoTime();
        DrainOutcome outcome = registry.drain(Duration.ofSeconds(30), quietPeriod);
        arrival.get(10, TimeUnit.SECONDS);

        long endedNoEarlierThan = called + outcome.duration().toNanos();
        // the margin only covers this thread being descheduled between reading the clock and entering drain
        assertThat(Duration.ofNanos(endedNoEarlierThan - arrivedNoEarlierThan.get()))
                .isGreaterThanOrEqualTo(quietPeriod.minusMillis(100));
        assertThat(outcome.quiet()).isTrue();
        assertThat(registry.enter(new DescribedWork("after"))).isFalse();
    }

    /**
     * Two arrivals on two threads, each stamped with the clock it read: the later stamp may be written first. The
     * earlier one written after it must not move the last arrival back, or DRAINING could end a quiet period after
     * the earlier arrival, before a quiet period has passed since the later one.
     */
    @Test
    void theLastArrivalNeverMovesBackwards() throws Exception {
        Duration quietPeriod = Duration.ofMillis(500);
        DescribedWork early = new DescribedWork("early");
        registry.enter(early);
        AtomicLong laterStamp = new AtomicLong();
        Future<?> arrivals = executor.submit(() -> {
            awaitDraining();
            long earlierStamp = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> System.nanoTime() - earlierStamp >= quietPeriod.toNanos());
            laterStamp.set(System.nanoTime());
            registry.arrived(laterStamp.get());
            registry.arrived(earlierStamp);
            early.release();
            return null;
        });

        long called = System.nanoTime();
        DrainOutcome outcome = registry.drain(Duration.ofSeconds(30), quietPeriod);
        arrivals.get(10, TimeUnit.SECONDS);

        long endedNoEarlierThan = called + outcome.duration().toNanos();
        assertThat(Duration.ofNanos(endedNoEarlierThan - laterStamp.get()))
                .isGreaterThanOrEqualTo(quietPeriod.minusMillis(100));
        assertThat(outcome.quiet()).isTrue();
    }

    @Test
    void arrivalsUntilTheTimeoutEndDrainingWithoutQuietButNotTimedOutWhenAllFinished() throws Exception {
        Future<DrainOutcome> drained = executor.submit(() -> registry.drain(Duration.ofMillis(1500),
                Duration.ofMillis(1400)));
        awaitDraining();
        // arrivals for a while, each released at once: the quiet period then outlasts the timeout, and nothing is
        // in flight when the timeout comes (the margin of a second covers a loaded machine)
        long until = System.nanoTime() + Duration.ofMillis(200).toNanos();
        while (System.nanoTime() - until < 0) {
            DescribedWork late = new DescribedWork("late");
            assertThat(registry.admit(late)).isEqualTo(InFlightRegistry.Admission.LATE);
            registry.requestArrived();
            late.release();
        }

        DrainOutcome outcome = drained.get(10, TimeUnit.SECONDS);

        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.quiet()).isFalse();
        assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void workBeforeDrainingIsNotLate() {
        assertThat(registry.admit(new DescribedWork("early"))).isEqualTo(InFlightRegistry.Admission.ADMITTED);
    }

    @Test
    void timedOutDrainListsTheWorkStillRunning() {
        registry.enter(new DescribedWork("GET /stuck"));
        DescribedWork done = new DescribedWork("GET /done");
        registry.enter(done);
        done.release();

        DrainOutcome outcome = registry.drain(Duration.ofMillis(50));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.remaining()).isEqualTo(1);
        assertThat(outcome.stillRunning()).singleElement().asString().startsWith("GET /stuck (running for ");
        assertThat(registry.isClosed()).isTrue();
    }

    @Test
    void timedOutDrainGivesWorkThatCameDuringDrainingItsOwnAge() throws Exception {
        registry.enter(new DescribedWork("GET /early"));
        Future<DrainOutcome> drained = executor.submit(() -> registry.drain(Duration.ofMillis(300)));
        awaitDraining();
        registry.enter(new DescribedWork("GET /late"));

        DrainOutcome outcome = drained.get(10, TimeUnit.SECONDS);

        assertThat(outcome.stillRunning()).hasSize(2);
        assertThat(outcome.stillRunning().get(0)).matches("GET /early \\(running for at least \\d+ ms: since before"
                + " DRAINING\\)");
        assertThat(outcome.stillRunning().get(1)).matches("GET /late \\(running for \\d+ ms\\)");
    }

    @Test
    void theCountIncludesWorkBeyondTheSlotsOfOneThread() {
        List<DescribedWork> works = new ArrayList<>();
        for (int i = 0; i < 2 * WorkSlots.PER_THREAD; i++) {
            DescribedWork work = new DescribedWork("job " + i);
            registry.enter(work);
            works.add(work);
        }
        assertThat(registry.inFlight()).isEqualTo(2 * WorkSlots.PER_THREAD);

        works.forEach(DescribedWork::release);

        assertThat(registry.inFlight()).isZero();
        assertThat(registry.drain(Duration.ofSeconds(1)).timedOut()).isFalse();
    }

    @Test
    void manyThreadsEnteringAndReleasingLeaveNothingInFlight() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(CompletableFuture.runAsync(() -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                    DescribedWork work = new DescribedWork("w");
                    registry.enter(work);
                    work.release();
                    work.release();
                }
            }, executor));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(registry.inFlight()).isZero();
        assertThat(registry.drain(Duration.ofSeconds(1)).timedOut()).isFalse();
    }

    @Test
    void moreWorkThanSlotsIsStillListedOnTimeout() {
        for (int i = 0; i < 3000; i++) {
            registry.enter(new DescribedWork("job " + i));
        }

        DrainOutcome outcome = registry.drain(Duration.ofMillis(10));

        assertThat(outcome.remaining()).isEqualTo(3000);
        assertThat(outcome.stillRunning()).hasSize(3000);
    }

    private void awaitDraining() throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        executor.submit(() -> {
            while (!registry.isDraining()) {
                Thread.onSpinWait();
            }
            seen.countDown();
        });
        assertThat(seen.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
