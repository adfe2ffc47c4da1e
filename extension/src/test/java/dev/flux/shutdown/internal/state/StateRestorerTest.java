package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.Samples.Counter;
import dev.flux.shutdown.internal.state.Samples.Portfolio;
import dev.flux.shutdown.internal.state.StateRestorer.Outcome;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

class StateRestorerTest {

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();
    private final PersistentType counterType = PersistentType.of(Counter.class).orElseThrow();
    private final PersistentType portfolioType = PersistentType.of(Portfolio.class).orElseThrow();
    private FileCheckpointStore store;
    private StateRestorer restorer;

    @BeforeEach
    void prepare() throws IOException {
        store = new FileCheckpointStore(temp);
        store.prepare();
        restorer = new StateRestorer(store, codec, new LatestCheckpoints());
    }

    private Envelope counter(PersistentType type, long count) throws IOException {
        return Envelope.of(Checkpoint.of(type, Instant.now(), codec.capture(new Counter(count), Counter.class)));
    }

    private Envelope portfolio() throws IOException {
        return Envelope.of(Checkpoint.of(portfolioType, Instant.now(), codec.capture(new Portfolio(),
                Portfolio.class)));
    }

    /** Commits {@code envelopes} with a store of its own, as the previous run did, then loads them. */
    private void previousRunCommitted(Envelope... envelopes) throws IOException {
        FileCheckpointStore previous = new FileCheckpointStore(temp);
        previous.prepare();
        previous.commit(List.of(envelopes));
        restorer.loadNewest();
    }

    @Test
    void checkpointIsAppliedToTheNewInstance() throws Exception {
        previousRunCommitted(counter(counterType, 41));
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.RESTORED);
        assertThat(fresh.count).isEqualTo(41);
    }

    @Test
    void missingCheckpointIsAFirstStart() {
        restorer.loadNewest();
        Counter fresh = new Counter(3);

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.FIRST_START);
        assertThat(fresh.count).isEqualTo(3);
    }

    @Test
    void stateThatDoesNotFitIsUndoneWholeAndMovedAsideWhileTheOthersRestore() throws Exception {
        // "count" is applied before "note" fails: the restore must take it back
        var state = JsonTrees.parse("{\"count\":99,\"note\":{\"@class\":\"java.lang.ProcessBuilder\"}}"
                .getBytes(StandardCharsets.UTF_8));
        previousRunCommitted(Envelope.of(Checkpoint.of(counterType, Instant.now(), state)), portfolio());
        Counter fresh = new Counter(3);

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.QUARANTINED);
        assertThat(fresh.count).isEqualTo(3);
        assertThat(fresh.note).isNull();
        assertThat(temp.resolve("counter.json.corrupt")).exists();
        assertThat(restorer.restore(portfolioType, new Portfolio())).isEqualTo(Outcome.RESTORED);
    }

    @Test
    void checkpointWrittenByAnotherClassIsMovedAside() throws Exception {
        PersistentType impostor = new PersistentType("counter", Portfolio.class);
        previousRunCommitted(counter(impostor, 41));
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.QUARANTINED);
        assertThat(fresh.count).isZero();
        assertThat(temp.resolve("counter.json.corrupt")).exists();
    }

    @Test
    void corruptEnvelopeIsMovedAsideWithItsBytesAtLoadAndTheOthersRestore() throws Exception {
        byte[] damaged = "{\"format\":1,".getBytes(StandardCharsets.UTF_8);
        previousRunCommitted(new Envelope("counter", damaged, java.util.Optional.empty()), portfolio());
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.FIRST_START);
        assertThat(Files.readAllBytes(temp.resolve("counter.json.corrupt"))).isEqualTo(damaged);
        assertThat(restorer.restore(portfolioType, new Portfolio())).isEqualTo(Outcome.RESTORED);
    }
}
