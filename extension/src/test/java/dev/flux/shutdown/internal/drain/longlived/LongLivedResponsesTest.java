package dev.flux.shutdown.internal.drain.longlived;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.flux.shutdown.internal.drain.longlived.LongLived.Kind;

/** The registry of long-lived responses without CDI or HTTP: what DRAINING ends, counts and refuses. */
class LongLivedResponsesTest {

    private final LongLivedResponses responses = new LongLivedResponses(true,
            new LongLivedConfig(true, java.util.Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(2)),
            Duration.ofSeconds(5));

    @Test
    void endAllEndsEveryOpenResponseAndCountsEachKindApart() {
        Fake stream = open(Kind.SSE_STREAM);
        Fake poll = open(Kind.LONG_POLL);
        Fake session = open(Kind.WEBSOCKET);
        Fake otherSession = open(Kind.WEBSOCKET);

        EndingOutcome outcome = responses.endAll();

        assertThat(outcome.ended()).isEqualTo(Map.of(Kind.SSE_STREAM, 1, Kind.LONG_POLL, 1, Kind.WEBSOCKET, 2));
        assertThat(outcome.unended()).isZero();
        assertThat(stream.ends.get() + poll.ends.get() + session.ends.get() + otherSession.ends.get()).isEqualTo(4);
        assertThat(outcome.summary()).startsWith("ended 1 SSE stream, 1 long poll, 2 WebSocket sessions in ");
    }

    @Test
    void responsesThatEndedMeanwhileAreNeitherEndedAgainNorCounted() {
        Fake closedByClient = open(Kind.SSE_STREAM);
        closedByClient.open = false;
        Fake forgotten = open(Kind.LONG_POLL);
        responses.closed(forgotten);

        EndingOutcome outcome = responses.endAll();

        assertThat(outcome.total()).isZero();
        assertThat(closedByClient.ends).hasValue(0);
        assertThat(forgotten.ends).hasValue(0);
    }

    @Test
    void nothingIsAdmittedOnceEndingStartedAndALatecomerIsEndedAtOnce() {
        responses.endAll();

        assertThat(responses.admits()).isFalse();
        Fake late = open(Kind.WEBSOCKET);
        assertThat(late.ends).hasValue(1);
        assertThat(responses.openCounts()).containsEntry(Kind.WEBSOCKET, 0);
    }

    @Test
    void anEndThatIsNotWrittenWithinTheBoundIsReportedNotAwaitedForever() {
        Fake stuck = new Fake(Kind.SSE_STREAM, new CompletableFuture<>());
        responses.open(stuck);

        long start = System.nanoTime();
        EndingOutcome outcome = responses.endAll();

        assertThat(outcome.unended()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(outcome.summary()).endsWith("(1 not ended cleanly)");
    }

    @Test
    void closedResponsesAreSweptOutAsNewOnesOpen() {
        for (int i = 0; i < 1000; i++) {
            open(Kind.SSE_STREAM).open = false;
        }
        open(Kind.SSE_STREAM);

        assertThat(responses.openCounts()).containsEntry(Kind.SSE_STREAM, 1);
        assertThat(responses.endAll().total()).isEqualTo(1);
    }

    private Fake open(Kind kind) {
        Fake fake = new Fake(kind, CompletableFuture.completedFuture(null));
        responses.open(fake);
        return fake;
    }

    /** A long-lived response that records its ends. */
    private static final class Fake implements LongLived {

        final Kind kind;
        final CompletionStage<?> end;
        final AtomicInteger ends = new AtomicInteger();
        volatile boolean open = true;

        Fake(Kind kind, CompletionStage<?> end) {
            this.kind = kind;
            this.end = end;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public CompletionStage<?> end() {
            ends.incrementAndGet();
            open = false;
            return end;
        }
    }
}
