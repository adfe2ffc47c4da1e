package dev.flux.shutdown.internal.state.jdbc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.CheckpointStore;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.ReleasedCheckpoints;

/**
 * Keeps checkpoint sets in two tables of the application's own database ({@code flux.shutdown.state.store=jdbc}):
 * each commit replaces this instance's set in one transaction, so that a crash or a dropped connection at any
 * instant leaves the previous set or the new one. At start-up an instance takes its own set, or, having none,
 * claims exactly one set that another instance released after a complete shutdown: state moves to one successor.
 */
public final class JdbcCheckpointStore implements CheckpointStore, ReleasedCheckpoints {

    /** Finds the application's {@code DataSource} when the store is first used (it is a bean of the application). */
    @FunctionalInterface
    public interface DataSourceSource {
        DataSource find() throws IOException;
    }

    /** How old the count of released checkpoints may be before a readiness call has it counted again. */
    static final Duration COUNT_MAX_AGE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final DataSourceSource dataSources;
    private final JdbcStoreConfig config;
    private final Clock clock;
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile CheckpointSets sets;
    private volatile String database = "not reached yet";
    private volatile OptionalLong unclaimed = OptionalLong.empty();
    private volatile long countedAt;
    private volatile Optional<StoredSet> taken = Optional.empty();

    public JdbcCheckpointStore(DataSourceSource dataSources, JdbcStoreConfig config, Clock clock) {
        this.dataSources = dataSources;
        this.config = config;
        this.clock = clock;
    }

    /** Finds the data source, connects, creates the tables if they are missing, and counts released sets. */
    @Override
    public void prepare() throws IOException {
        CheckpointSets ready = sets;
        if (ready == null) {
            ready = new CheckpointSets(config, new BoundedTransactions(dataSources.find(), config.timeout()));
        }
        database = ready.prepare().productName();
        sets = ready;
        counted(ready.unclaimed());
    }

    @Override
    public Optional<CheckpointSet> load() throws IOException {
        StoredSet set = sets().take();
        taken = Optional.of(set);
        LOG.info(() -> "FLUX-0725 Instance '" + config.instance() + "' took " + set.describe() + " from " + this);
        if (set.origin() == StoredSet.Origin.CLAIMED) {
            counted(sets().unclaimed());
        }
        if (set.origin() == StoredSet.Origin.NONE) {
            return Optional.empty();
        }
        List<Envelope> envelopes = set.envelopes().entrySet().stream()
                .map(entry -> Envelope.stored(entry.getKey(), entry.getValue())).toList();
        return Optional.of(new CheckpointSet(set.generation(), envelopes));
    }

    /**
     * Replaces this instance's set. Refused until {@link #load()} has read what is stored: a set that could not be
     * read at start-up (the database was down then) must not be replaced by the fresh state of the beans.
     */
    @Override
    public long commit(List<Envelope> envelopes) throws IOException {
        if (taken.isEmpty()) {
            throw new IOException("the stored checkpoint of instance '" + config.instance() + "' could not be read"
                    + " at start-up, and a commit would replace it unread; restart the application once the"
                    + " database is reachable");
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Envelope envelope : envelopes) {
            byName.put(envelope.name(), envelope.bytes());
        }
        CheckpointSets.Committed committed = sets().commit(byName, clock.instant());
        counted(committed.unclaimed());
        return committed.generation();
    }

    @Override
    public String quarantine(String name) throws IOException {
        return sets().quarantine(name, clock.instant());
    }

    @Override
    public void release() throws IOException {
        if (sets().release(clock.instant())) {
            String others = unclaimed.isPresent() ? "; " + unclaimed.getAsLong() + " released by other instances"
                    + " wait too" : "";
            LOG.info(() -> "FLUX-0726 Instance '" + config.instance() + "' released its checkpoint in " + this
                    + ": the next instance without one of its own claims it" + others);
        }
    }

    /** What this instance took at start-up, once {@link #load()} ran. */
    public Optional<StoredSet> taken() {
        return taken;
    }

    /**
     * How many checkpoints other instances released and nobody has claimed yet, as last counted: at start-up,
     * at each commit, and in the background when a caller finds the count older than {@link #COUNT_MAX_AGE} (so
     * a readiness probe never waits for the database). Empty before the first count or while counting fails.
     */
    @Override
    public OptionalLong unclaimed() {
        CheckpointSets ready = sets;
        if (ready != null && System.nanoTime() - countedAt > COUNT_MAX_AGE.toNanos()
                && counting.compareAndSet(false, true)) {
            Thread counter = new Thread(() -> {
                try {
                    counted(ready.unclaimed());
                } catch (IOException | RuntimeException e) {
                    unclaimed = OptionalLong.empty();
                    countedAt = System.nanoTime();
                    LOG.log(Level.FINE, e, () -> "FLUX-0727 Cannot count the released checkpoints in " + this);
                } finally {
                    counting.set(false);
                }
            }, "flux-shutdown-jdbc-count");
            counter.setDaemon(true);
            counter.start();
        }
        return unclaimed;
    }

    public JdbcStoreConfig config() {
        return config;
    }

    private void counted(long count) {
        unclaimed = OptionalLong.of(count);
        countedAt = System.nanoTime();
    }

    private CheckpointSets sets() throws IOException {
        CheckpointSets ready = sets;
        if (ready == null) {
            prepare();
            ready = sets;
        }
        return ready;
    }

    @Override
    public String toString() {
        String source = config.dataSource().isEmpty() ? "the default DataSource" : "DataSource '"
                + config.dataSource() + "'";
        return "table " + config.table() + " of " + source + " (" + database + ")";
    }
}
