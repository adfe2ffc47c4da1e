package dev.flux.shutdown.tck.inflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.tck.Deployments;
import dev.flux.shutdown.tck.inflight.deployment.AsyncWork;

/**
 * An {@code @InFlight} method that returns a {@code CompletionStage} stays in flight after it returns, until the
 * stage completes, normally or exceptionally.
 */
@ExtendWith(ArquillianExtension.class)
class CompletionStageInFlightTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Deployment
    static JavaArchive deployment() {
        return Deployments.library().addClasses(AsyncWork.class);
    }

    @Inject
    InFlightTracker tracker;

    @Inject
    AsyncWork work;

    @Test
    void callStaysInFlightUntilItsStageCompletes() {
        CompletableFuture<String> completion = new CompletableFuture<>();
        try {
            CompletionStage<String> result = work.follow(completion);
            assertThat(tracker.inFlight()).as("in flight after the call returned").isEqualTo(1);

            completion.complete("done");

            await().atMost(BOUND).until(() -> tracker.inFlight() == 0);
            assertThat(result.toCompletableFuture()).isCompletedWithValue("done");
        } finally {
            completion.complete("test ended");
        }
    }

    @Test
    void callStaysInFlightUntilItsStageCompletesExceptionally() {
        CompletableFuture<String> completion = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("work failed");
        try {
            CompletionStage<String> result = work.follow(completion);
            assertThat(tracker.inFlight()).as("in flight after the call returned").isEqualTo(1);

            completion.completeExceptionally(failure);

            await().atMost(BOUND).until(() -> tracker.inFlight() == 0);
            assertThat(catchThrowable(() -> result.toCompletableFuture().join())).as("the caller's stage")
                    .cause().isSameAs(failure);
        } finally {
            completion.complete("test ended");
        }
    }
}
