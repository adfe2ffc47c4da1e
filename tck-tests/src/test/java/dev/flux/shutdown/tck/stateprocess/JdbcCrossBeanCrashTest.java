package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.tck.stateapp.LedgerService;
import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * {@link CrossBeanCrashTest} against the JDBC store on a real PostgreSQL server: the same Weld SE child (three
 * {@code @Persistent} accounts with a constant sum, transfers under {@code Shutdown.stateLock()}, periodic
 * checkpoints every few milliseconds, each one transaction on a new connection of its own {@code DataSource}) is
 * killed with SIGKILL at random instants. After every kill the set in the database holds all three accounts of one
 * instant, it is the last checkpoint the child reported committed or the next, and the restarted child's beans hold
 * exactly it. {@code -Dflux.crash.kills=N} sets the number of kills (default 50).
 */
class JdbcCrossBeanCrashTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String TABLE = "crash_checkpoint";
    private static final String APPLICATION = "crash-ledger";

    @RegisterExtension
    static final SharedPostgres POSTGRES = new SharedPostgres();

    @RegisterExtension
    final KillSchedule killer = new KillSchedule(60_000);

    @Test
    void afterEveryKillAllBeansRestoreFromTheSameCommittedSetTheLastOrTheNextReported() throws Exception {
        int kills = KillSchedule.kills(50);
        PostgresServer postgres = POSTGRES.server();
        Map<String, String> config = Map.of(StateConfig.STORE, "jdbc", StateConfig.CHECKPOINT_INTERVAL, "5ms",
                JdbcStoreConfig.TABLE, TABLE, JdbcStoreConfig.INSTANCE, "crash", "app.jdbc.url",
                postgres.jdbcUrl("postgres"), "app.jdbc.application-name", APPLICATION);
        LedgerCheckpoint stored = null;
        int committedButNotReported = 0;
        long commitsReported = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(LedgerService.class, config)) {
                LedgerCheckpoint.assertStarted(child, stored, kill, BOUND);
                child.awaitLine(l -> LedgerCheckpoint.COMMITTED.matcher(l).matches(), BOUND);
                killer.killAtRandomInstant(child, BOUND);

                List<Long> reported = LedgerCheckpoint.reported(child.lines());
                long last = reported.get(reported.size() - 1);
                commitsReported += reported.size();
                LedgerCheckpoint found = read(postgres);
                found.assertOneInstantAfter("set", kill, last, stored);
                committedButNotReported += found.sequence() == last + 1 ? 1 : 0;
                stored = found;
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX JDBC cross-bean crash test: %d kills with SIGKILL in %ds, %d checkpoints reported"
                + " committed to PostgreSQL (%d kills landed after a commit and before its log line); every restore"
                + " held all three beans of one committed set, the last or the next reported; last: %s%n", kills,
                took.toSeconds(), commitsReported, committedButNotReported, stored);
        assertThat(stored.transfer()).isPositive();
    }

    /**
     * Reads the set in the database in one statement (one snapshot), once the killed child's sessions have ended:
     * a COMMIT it sent just before it died still completes in the server, and the next child will find that.
     */
    private static LedgerCheckpoint read(PostgresServer postgres) throws Exception {
        Awaitility.await().atMost(BOUND).until(() -> postgres.query("postgres", "SELECT count(*) FROM"
                + " pg_stat_activity WHERE application_name = '" + APPLICATION + "'").equals("0"));
        long sequence = 0;
        List<Envelope> envelopes = new ArrayList<>();
        for (String row : postgres.query("postgres", "SELECT s.generation, e.name, encode(e.envelope, 'hex') FROM "
                + TABLE + " s JOIN " + TABLE + "_entry e ON e.instance = s.instance WHERE s.instance = 'crash'"
                + " ORDER BY e.name").split("\n")) {
            String[] columns = row.split("\\|");
            sequence = Long.parseLong(columns[0]);
            envelopes.add(Envelope.stored(columns[1], HexFormat.of().parseHex(columns[2])));
        }
        return LedgerCheckpoint.of("set", sequence, envelopes);
    }
}
