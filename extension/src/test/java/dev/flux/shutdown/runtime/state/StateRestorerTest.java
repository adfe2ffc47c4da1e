package dev.flux.shutdown.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.runtime.state.Samples.Counter;
import dev.flux.shutdown.runtime.state.Samples.Portfolio;
import dev.flux.shutdown.runtime.state.StateRestorer.Outcome;

class StateRestorerTest {

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();
    private final PersistentType counterType = PersistentType.of(Counter.class).orElseThrow();
    private FileCheckpointStore store;
    private StateRestorer restorer;

    @BeforeEach
    void prepare() throws IOException {
        store = new FileCheckpointStore(temp);
        store.prepare();
        restorer = new StateRestorer(store, codec);
    }

    @Test
    void checkpointIsAppliedToTheNewInstance() throws Exception {
        store.write(Checkpoint.of(counterType, Instant.now(), codec.capture(new Counter(41), Counter.class)));
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.RESTORED);
        assertThat(fresh.count).isEqualTo(41);
    }

    @Test
    void missingCheckpointIsAFirstStart() {
        Counter fresh = new Counter(3);

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.FIRST_START);
        assertThat(fresh.count).isEqualTo(3);
    }

    @Test
    void stateThatDoesNotFitIsUndoneWholeAndMovedAside() throws Exception {
        // "count" is applied before "note" fails: the restore must take it back
        var state = JsonTrees.parse("{\"count\":99,\"note\":{\"@class\":\"java.lang.ProcessBuilder\"}}".getBytes());
        store.write(Checkpoint.of(counterType, Instant.now(), state));
        Counter fresh = new Counter(3);

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.QUARANTINED);
        assertThat(fresh.count).isEqualTo(3);
        assertThat(fresh.note).isNull();
        assertThat(temp.resolve("counter.json.corrupt")).exists();
        assertThat(store.path("counter")).doesNotExist();
    }

    @Test
    void checkpointWrittenByAnotherClassIsMovedAside() throws Exception {
        PersistentType impostor = new PersistentType("counter", Portfolio.class);
        store.write(Checkpoint.of(impostor, Instant.now(), codec.capture(new Counter(41), Counter.class)));
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.QUARANTINED);
        assertThat(fresh.count).isZero();
        assertThat(temp.resolve("counter.json.corrupt")).exists();
    }

    @Test
    void corruptCheckpointIsMovedAsideWithItsBytes() throws Exception {
        Files.writeString(store.path("counter"), "{\"format\":1,");
        Counter fresh = new Counter();

        assertThat(restorer.restore(counterType, fresh)).isEqualTo(Outcome.QUARANTINED);
        assertThat(Files.readString(temp.resolve("counter.json.corrupt"))).isEqualTo("{\"format\":1,");
    }
}
