package dev.flux.shutdown.tck.stateprocess;

import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.BOUND;
import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.ready;
import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.testsupport.TcpProxy;

/**
 * The JDBC store in bad conditions, with real processes and a real PostgreSQL server: unreachable at start-up,
 * silent at shutdown, a connection terminated in the middle of the final checkpoint, instances claiming at once.
 * Nothing is lost: the previous checkpoint stays, and a released one goes to one successor only.
 */
class JdbcStoreTroubleTest {

    @RegisterExtension
    static final SharedPostgres POSTGRES = new SharedPostgres();

    @Test
    void aStoreUnreachableAtStartFailsTheStartNamingTheStoreAndTheCause() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (ChildJvm child = LedgerInstances.start(ledger.config("web-1", closed))) {
            assertThat(child.awaitExit(BOUND)).isNotZero();
            assertThat(String.join("\n", child.lines())).contains("FLUX-0491", "flux.shutdown.state.store=jdbc",
                    "table " + ledger.table(), "Connection to 127.0.0.1:" + closed + " refused");
        }
    }

    @Test
    void aStoreSilentAtShutdownIsReportedWithinTheBoundAndThePreviousCheckpointStays() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        String previous = checkpointOfACompleteShutdown(ledger);
        try (TcpProxy proxy = TcpProxy.to(POSTGRES.server().port())) {
            Map<String, String> config = ledger.config("web-1", proxy.port());
            config.put(JdbcStoreConfig.TIMEOUT, "2s");
            try (ChildJvm second = LedgerInstances.start(config)) {
                assertThat(ready(second)).isEqualTo(previous);
                transfer(second, 5);
                proxy.silence();
                long start = System.nanoTime();
                second.terminate();
                second.awaitExit(BOUND);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
                assertThat(String.join("\n", second.lines())).contains("FLUX-0709", "no answer within PT2S");
                assertThat(second.lines()).noneSatisfy(line -> assertThat(line).contains("FLUX-0726"));
            }
        }
        assertTheNextStartRestores(ledger, previous);
    }

    @Test
    void aConnectionTerminatedDuringTheFinalCheckpointLeavesThePreviousOne() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        String previous = checkpointOfACompleteShutdown(ledger);
        try (ChildJvm second = ledger.start("web-1")) {
            assertThat(ready(second)).isEqualTo(previous);
            transfer(second, 5);
            second.send("hold");
            second.terminate();
            second.awaitLine("commit-held"::equals, BOUND);
            String terminated = ledger.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'ledger-web-1' AND state = 'idle in transaction'");
            second.send("proceed");
            assertThat(terminated).isEqualTo("1");
            second.awaitExit(BOUND);
            assertThat(String.join("\n", second.lines())).contains("FLUX-0709");
            assertThat(second.lines()).noneSatisfy(line -> assertThat(line).contains("FLUX-0726"));
        }
        assertTheNextStartRestores(ledger, previous);
    }

    @Test
    void instancesStartingAtOnceNeverClaimTheSameCheckpoint() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        List<String> released = new ArrayList<>();
        List<ChildJvm> old = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                ChildJvm child = ledger.start("old-" + i);
                ready(child);
                released.add(transfer(child, 3 + i));
                old.add(child);
            }
            for (ChildJvm child : old) {
                child.terminate();
                assertThat(child.awaitExit(BOUND)).as(child.tail()).isZero();
            }
        } finally {
            for (ChildJvm child : old) {
                child.close();
            }
        }
        List<ChildJvm> starting = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                starting.add(ledger.start("new-" + i));
            }
            List<String> restored = new ArrayList<>();
            for (ChildJvm child : starting) {
                restored.add(ready(child));
            }
            assertThat(restored.stream().filter(state -> !state.equals(LedgerInstances.FRESH)))
                    .containsExactlyInAnyOrderElementsOf(released);
            assertThat(restored.stream().filter(state -> state.equals(LedgerInstances.FRESH))).hasSize(2);
        } finally {
            for (ChildJvm child : starting) {
                child.close();
            }
        }
    }

    /** A first web-1 makes five transfers and shuts down completely; returns the state its checkpoint holds. */
    private static String checkpointOfACompleteShutdown(LedgerInstances ledger) throws Exception {
        try (ChildJvm first = ledger.start("web-1")) {
            ready(first);
            String state = transfer(first, 5);
            first.terminate();
            assertThat(first.awaitExit(BOUND)).as(first.tail()).isZero();
            return state;
        }
    }

    private static void assertTheNextStartRestores(LedgerInstances ledger, String previous) throws Exception {
        try (ChildJvm third = ledger.start("web-1")) {
            assertThat(ready(third)).isEqualTo(previous);
        }
    }
}
