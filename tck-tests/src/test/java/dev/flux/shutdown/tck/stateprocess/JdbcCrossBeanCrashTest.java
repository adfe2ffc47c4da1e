package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.runtime.state.Envelope;
import dev.flux.shutdown.runtime.state.StateConfig;
import dev.flux.shutdown.runtime.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.tck.stateapp.LedgerService;
import dev.flux.shutdown.tck.stateapp.ledger.Account;
import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * {@link CrossBeanCrashTest} against the JDBC store on a real PostgreSQL server: the same Weld SE child (three
 * {@code @Persistent} accounts with a constant sum, transfers under {@code Shutdown.stateLock()}, periodic
 * checkpoints every few milliseconds, each one transaction on a new connection of its own {@code DataSource}) is
 * killed with SIGKILL at random instants. After every kill the set in the database holds all three accounts of one
 * instant, it is the last checkpoint the child reported committed or the next, and the restarted child's beans hold
 * exactly it. {@code -Dflux.crash.kills=N} sets the number of kills (default 200).
 */
class JdbcCrossBeanCrashTest {

    private static final List<String> ACCOUNTS = List.of("checking", "reserve", "savings");
    private static final long SUM = 3 * Account.OPENING_BALANCE;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long MAX_KILL_DELAY_MICROS = 60_000;
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");
    private static final String TABLE = "crash_checkpoint";
    private static final String APPLICATION = "crash-ledger";

    private static PostgresServer postgres;

    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "crash-test-killer");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @AfterEach
    void stopKiller() {
        killer.shutdownNow();
    }

    @Test
    void afterEveryKillAllBeansRestoreFromTheSameCommittedSetTheLastOrTheNextReported() throws Exception {
        int kills = Integer.getInteger("flux.crash.kills", 200);
        Map<String, String> config = Map.of(StateConfig.STORE, "jdbc", StateConfig.CHECKPOINT_INTERVAL, "5ms",
                JdbcStoreConfig.TABLE, TABLE, JdbcStoreConfig.INSTANCE, "crash", "app.jdbc.url",
                postgres.jdbcUrl("postgres"), "app.jdbc.application-name", APPLICATION);
        Stored stored = null;
        int committedButNotReported = 0;
        long commitsReported = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(LedgerService.class, config)) {
                String accounts = child.awaitLine(l -> l.startsWith("accounts "), BOUND);
                if (stored == null) {
                    assertThat(accounts).as("first start").isEqualTo("accounts 1000 1000 1000 0");
                } else {
                    assertThat(child.lines()).as("after kill %d", kill - 1).contains("loaded " + stored.sequence());
                    assertThat(accounts).as("restored after kill %d", kill - 1).isEqualTo(stored.accountsLine());
                }
                child.awaitLine(l -> COMMITTED.matcher(l).matches(), BOUND);
                long delay = ThreadLocalRandom.current().nextLong(MAX_KILL_DELAY_MICROS + 1);
                killer.schedule(child::kill, delay, TimeUnit.MICROSECONDS);
                child.awaitExit(BOUND);

                List<Long> reported = child.lines().stream().map(COMMITTED::matcher).filter(Matcher::matches)
                        .map(m -> Long.parseLong(m.group(1))).toList();
                long last = reported.get(reported.size() - 1);
                commitsReported += reported.size();
                Stored found = Stored.read();
                assertThat(found.sum()).as("sum in set %d after kill %d: %s", found.sequence(), kill, found)
                        .isEqualTo(SUM);
                assertThat(found.transfers()).as("one instant in set %d after kill %d: %s", found.sequence(), kill,
                        found).hasSize(1);
                assertThat(found.sequence()).as("after kill %d: the last reported or the next", kill)
                        .isBetween(last, last + 1);
                committedButNotReported += found.sequence() == last + 1 ? 1 : 0;
                if (stored != null) {
                    assertThat(found.transfer()).as("never back").isGreaterThanOrEqualTo(stored.transfer());
                }
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

    /** The accounts of the set in the database: generation, balance and transfer number by name. */
    private record Stored(long sequence, Map<String, Long> balances, Map<String, Long> transferNumbers) {

        /**
         * Reads the set in one statement (one snapshot), once the killed child's sessions have ended: a COMMIT it
         * sent just before it died still completes in the server, and the next child will find that.
         */
        static Stored read() throws Exception {
            Awaitility.await().atMost(BOUND).until(() -> postgres.psql("postgres", "SELECT count(*) FROM"
                    + " pg_stat_activity WHERE application_name = '" + APPLICATION + "'").equals("0"));
            long sequence = 0;
            Map<String, Long> balances = new TreeMap<>();
            Map<String, Long> transfers = new TreeMap<>();
            for (String row : postgres.psql("postgres", "SELECT s.generation, e.name, encode(e.envelope, 'hex') FROM "
                    + TABLE + " s JOIN " + TABLE + "_entry e ON e.instance = s.instance WHERE s.instance = 'crash'"
                    + " ORDER BY e.name").split("\n")) {
                String[] columns = row.split("\\|");
                sequence = Long.parseLong(columns[0]);
                var state = Envelope.stored(columns[1], HexFormat.of().parseHex(columns[2])).decode().state();
                balances.put(columns[1], state.get("balance").asLong());
                transfers.put(columns[1], state.get("transfer").asLong());
            }
            assertThat(balances.keySet()).as("set %d", sequence).containsExactlyElementsOf(ACCOUNTS);
            return new Stored(sequence, balances, transfers);
        }

        long sum() {
            return balances.values().stream().mapToLong(Long::longValue).sum();
        }

        List<Long> transfers() {
            return transferNumbers.values().stream().distinct().toList();
        }

        long transfer() {
            return transferNumbers.get("checking");
        }

        String accountsLine() {
            return "accounts " + balances.get("checking") + " " + balances.get("savings") + " "
                    + balances.get("reserve") + " " + transfer();
        }
    }
}
