package dev.flux.shutdown.tck.stateprocess;

import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.BOUND;
import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.ready;
import static dev.flux.shutdown.tck.stateprocess.LedgerInstances.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


/**
 * Instances whose names change at every rollout (pods of a Deployment) hand their state on through PostgreSQL:
 * each complete shutdown releases the instance's checkpoint, and the next instance without one of its own claims
 * it, exactly once, and continues from it.
 */
class JdbcHandoffTest {

    private static final int ROUNDS = 5;

    @RegisterExtension
    static final SharedPostgres POSTGRES = new SharedPostgres();

    @Test
    void twoInstancesReplacedOneByOneFiveTimesHandOnEveryCheckpointExactlyOnce() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        List<ChildJvm> live = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        int next = 1;
        try {
            for (int slot = 0; slot < 2; slot++) {
                String name = "web-" + next++;
                ChildJvm child = ledger.start(name);
                assertThat(ready(child)).isEqualTo(LedgerInstances.FRESH);
                live.add(child);
                names.add(name);
                states.add(transfer(child, 10 + slot));
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int slot = 0; slot < 2; slot++) {
                    ChildJvm old = live.get(slot);
                    old.terminate();
                    assertThat(old.awaitExit(BOUND)).as(old.tail()).isZero();
                    assertThat(old.lines()).as(old.tail()).anySatisfy(line -> assertThat(line).contains("FLUX-0726"));
                    old.close();

                    String name = "web-" + next++;
                    ChildJvm successor = ledger.start(name);
                    live.set(slot, successor);
                    assertThat(ready(successor)).as(successor.tail()).isEqualTo(states.get(slot));
                    String took = successor.awaitLine(line -> line.contains("FLUX-0725"), BOUND);
                    assertThat(took).contains("released by instance '" + names.get(slot) + "'");
                    claims.add(names.get(slot));
                    names.set(slot, name);
                    states.set(slot, transfer(successor, 7));
                }
            }
        } finally {
            for (ChildJvm child : live) {
                child.close();
            }
        }
        assertThat(claims).hasSize(2 * ROUNDS).doesNotHaveDuplicates();
        assertThat(ledger.sql("SELECT count(*) FROM " + ledger.table() + " WHERE released IS NOT NULL"))
                .as("released and never claimed").isEqualTo("0");
        assertThat(ledger.sql("SELECT string_agg(instance, ',' ORDER BY instance) FROM " + ledger.table()))
                .isEqualTo(String.join(",", names.stream().sorted().toList()));
    }

    @Test
    void aSurgeInstanceStartsFreshAndTheReleasedCheckpointWaitsVisiblyForTheNextOne() throws Exception {
        LedgerInstances ledger = new LedgerInstances(POSTGRES.server());
        try (ChildJvm old = ledger.start("web-old"); ChildJvm surge = ledger.start("web-surge")) {
            ready(old);
            String last = transfer(old, 9);
            assertThat(ready(surge)).as("nothing released yet").isEqualTo(LedgerInstances.FRESH);
            assertThat(readiness(surge)).contains("released-checkpoints=0");

            old.terminate();
            assertThat(old.awaitExit(BOUND)).as(old.tail()).isZero();
            Awaitility.await().atMost(BOUND).until(() -> readiness(surge).contains("released-checkpoints=1"));

            try (ChildJvm next = ledger.start("web-next")) {
                assertThat(ready(next)).isEqualTo(last);
                assertThat(readiness(next)).contains("released-checkpoints=0");
            }
        }
    }

    /** The data of the instance's readiness check, as it prints it. */
    private static String readiness(ChildJvm child) throws Exception {
        int before = child.lines().size();
        child.send("readiness");
        child.awaitLine(line -> line.startsWith("readiness ") && child.lines().lastIndexOf(line) >= before, BOUND);
        List<String> lines = child.lines();
        for (int i = lines.size() - 1; i >= before; i--) {
            if (lines.get(i).startsWith("readiness ")) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no readiness line");
    }
}
