package dev.flux.shutdown.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.tck.deployment.PhaseRecorder;
import dev.flux.shutdown.tck.deployment.RecordingProcessExit;

/** However many triggers race, exactly one starts the shutdown, and it runs once. */
@ExtendWith(ArquillianExtension.class)
class ConcurrentTriggersTest {

    private static final int CALLERS = 16;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library(Map.of("flux.shutdown.readiness-delay", "0s"))
                .addClasses(PhaseRecorder.class, RecordingProcessExit.class);
    }

    @Inject
    Shutdown shutdown;

    @Inject
    PhaseRecorder recorder;

    @Inject
    RecordingProcessExit exit;

    @Test
    void concurrentInitiatesStartExactlyOneShutdownThatRunsOnce() throws Exception {
        List<String> winners = raceInitiates();

        assertThat(winners).as("callers whose initiate() returned true").hasSize(1);
        assertThat(exit.awaitExit()).isZero();
        assertThat(recorder.events()).extracting(ShutdownPhaseEvent::phase).containsExactly(ShutdownPhase.values());
        assertThat(recorder.events()).extracting(ShutdownPhaseEvent::cause)
                .containsOnly(ShutdownCause.programmatic(winners.get(0)));
        assertThat(exit.exitCodes()).containsExactly(0);
    }

    /** Releases {@value #CALLERS} threads at once into {@code initiate} and returns the reasons of those that won. */
    private List<String> raceInitiates() throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS,
                task -> new Thread(task, "initiate-caller-" + threads.incrementAndGet()));
        try {
            CountDownLatch ready = new CountDownLatch(CALLERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String reason = "caller " + i;
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return shutdown.initiate(reason) ? reason : null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all callers ready").isTrue();
            go.countDown();
            List<String> winners = new ArrayList<>();
            for (Future<String> call : calls) {
                String winner = call.get(30, TimeUnit.SECONDS);
                if (winner != null) {
                    winners.add(winner);
                }
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
