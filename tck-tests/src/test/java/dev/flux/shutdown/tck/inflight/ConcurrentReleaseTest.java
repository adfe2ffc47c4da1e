package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;
import dev.flux.shutdown.tck.inflight.deployment.AsyncWork;
import dev.flux.shutdown.tck.inflight.deployment.CountedWork;
import dev.flux.shutdown.tck.inflight.deployment.FailingWork;

/**
 * Many threads making {@code @InFlight} calls (returning, throwing, completing a stage on another thread) and taking
 * tickets (each closed twice) while the shutdown starts: every piece of work is released exactly once, so DRAINING
 * ends by itself (a leak would hold it until {@code drain.timeout}; a double release would leave the count wrong)
 * and nothing is in flight at the end.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentReleaseTest {

    private static final int WORKERS = 8;
    /** Rounds each worker makes before the test starts the shutdown. */
    private static final int ROUNDS_BEFORE_SHUTDOWN = 200;
    /** Rounds each worker still makes once it has seen that the shutdown started (its ticket was refused). */
    private static final int ROUNDS_AFTER_START = 200;
    /** A bound on each worker, should the shutdown never start. */
    private static final int MAX_ROUNDS = 1_000_000;
    private static final IllegalStateException FAILURE = new IllegalStateException("work failed");

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of(
                "flux.shutdown.readiness-delay", "0s",
                "flux.shutdown.drain.timeout", "20s",
                "flux.shutdown.timeout", "40s"))
                .addClasses(RecordingProcessExit.class, CountedWork.class, FailingWork.class, AsyncWork.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    InFlightTracker tracker;

    @Inject
    RecordingProcessExit exit;

    @Inject
    CountedWork counted;

    @Inject
    FailingWork failing;

    @Inject
    AsyncWork async;

    @Test
    void everyCallAndTicketIsReleasedOnceSoDrainingEndsWithNothingInFlight() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("in-flight-worker-"));
        ExecutorService completer = Executors.newSingleThreadExecutor(named("stage-completer-"));
        CountDownLatch warmedUp = new CountDownLatch(WORKERS);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                int worker = i;
                runs.add(workers.submit(() -> work(worker, warmedUp, completer)));
            }
            assertThat(warmedUp.await(30, TimeUnit.SECONDS)).as("every worker busy").isTrue();

            assertThat(shutdown.initiate("concurrent release test")).isTrue();

            for (Future<Integer> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).as("rounds after the shutdown started")
                        .isEqualTo(ROUNDS_AFTER_START);
            }
            completer.shutdown();
            assertThat(completer.awaitTermination(30, TimeUnit.SECONDS)).as("every stage completed").isTrue();
            assertThat(exit.awaitExit()).isZero();
            assertThat(InFlightReports.draining(shutdown).complete()).as("DRAINING within its bound").isTrue();
            assertThat(tracker.inFlight()).isZero();
        } finally {
            workers.shutdownNow();
            completer.shutdownNow();
            exit.awaitExit();
        }
    }

    /** One worker's rounds; returns how many it made after it saw the shutdown start. */
    private int work(int worker, CountDownLatch warmedUp, Executor completer) {
        int roundsAfterStart = 0;
        for (int round = 1; round <= MAX_ROUNDS && roundsAfterStart < ROUNDS_AFTER_START; round++) {
            counted.inFlightDuringCall();
            try {
                failing.fail(FAILURE);
            } catch (IllegalStateException expected) {
                assertThat(expected).isSameAs(FAILURE);
            }
            CompletableFuture<Void> completion = new CompletableFuture<>();
            async.follow(completion);
            completer.execute(() -> completion.complete(null));
            Optional<Ticket> ticket = tracker.tryAcquire("worker " + worker + ", round " + round);
            if (ticket.isPresent()) {
                ticket.get().close();
                ticket.get().close();
            } else {
                roundsAfterStart++;
            }
            if (round == ROUNDS_BEFORE_SHUTDOWN) {
                warmedUp.countDown();
            }
        }
        return roundsAfterStart;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + count.incrementAndGet());
    }
}
