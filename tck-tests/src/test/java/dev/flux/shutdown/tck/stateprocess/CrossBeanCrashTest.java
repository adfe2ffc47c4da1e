package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.runtime.state.CheckpointSet;
import dev.flux.shutdown.runtime.state.Envelope;
import dev.flux.shutdown.runtime.state.StateConfig;
import dev.flux.shutdown.runtime.state.file.FileCheckpointStore;
import dev.flux.shutdown.tck.stateapp.LedgerService;
import dev.flux.shutdown.tck.stateapp.ledger.Account;

/**
 * State stays consistent across beans through crashes: a real Weld SE child with three {@code @Persistent} accounts,
 * whose sum is constant, transfers money between them continuously (each transfer under {@code Shutdown.stateLock()})
 * while the library takes periodic checkpoints every few milliseconds; it is killed with SIGKILL at random instants,
 * again and again. After every kill the newest checkpoint holds all three accounts of one instant (the sum is
 * intact and all carry the same transfer number), it is the last checkpoint the child reported committed or the
 * next one, and the restarted child's beans hold exactly it. {@code -Dflux.crash.kills=N} sets the number of kills
 * (default 200).
 */
class CrossBeanCrashTest {

    private static final List<String> ACCOUNTS = List.of("checking", "reserve", "savings");
    private static final long SUM = 3 * Account.OPENING_BALANCE;
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long MAX_KILL_DELAY_MICROS = 60_000;
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

    @TempDir
    Path temp;

    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "crash-test-killer");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopKiller() {
        killer.shutdownNow();
    }

    @Test
    void afterEveryKillAllBeansRestoreFromTheSameCheckpointTheLastOrTheNextReported() throws Exception {
        int kills = Integer.getInteger("flux.crash.kills", 200);
        Path dir = temp.resolve("state");
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Map<String, String> config = Map.of(StateConfig.DIR, dir.toString(), StateConfig.CHECKPOINT_INTERVAL, "5ms");
        Ledger onDisk = null;
        int killedMidCommit = 0;
        int committedButNotReported = 0;
        long commitsReported = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(LedgerService.class, config)) {
                String accounts = child.awaitLine(l -> l.startsWith("accounts "), BOUND);
                if (onDisk == null) {
                    assertThat(accounts).as("first start").isEqualTo("accounts 1000 1000 1000 0");
                    assertThat(child.lines()).noneMatch(l -> l.startsWith("loaded "));
                } else {
                    assertThat(child.lines()).as("after kill %d", kill - 1).contains("loaded " + onDisk.sequence());
                    assertThat(accounts).as("restored after kill %d", kill - 1).isEqualTo(onDisk.accountsLine());
                }
                child.awaitLine(l -> COMMITTED.matcher(l).matches(), BOUND);
                long delay = ThreadLocalRandom.current().nextLong(MAX_KILL_DELAY_MICROS + 1);
                killer.schedule(child::kill, delay, TimeUnit.MICROSECONDS);
                child.awaitExit(BOUND);

                List<Long> reported = reported(child.lines());
                long last = reported.get(reported.size() - 1);
                commitsReported += reported.size();
                killedMidCommit += leftoverTemporaryGenerations(dir) > 0 ? 1 : 0;
                Ledger found = Ledger.of(store.inspect().orElseThrow());
                assertThat(found.sum()).as("sum in checkpoint %d after kill %d: %s", found.sequence(), kill, found)
                        .isEqualTo(SUM);
                assertThat(found.transfers()).as("one instant in checkpoint %d after kill %d: %s",
                        found.sequence(), kill, found).hasSize(1);
                assertThat(found.sequence()).as("after kill %d: the last reported or the next", kill)
                        .isBetween(last, last + 1);
                committedButNotReported += found.sequence() == last + 1 ? 1 : 0;
                if (onDisk != null) {
                    assertThat(found.transfer()).as("never back").isGreaterThanOrEqualTo(onDisk.transfer());
                }
                onDisk = found;
                assertThat(quarantined(dir)).isZero();
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX cross-bean crash test: %d kills with SIGKILL in %ds, %d checkpoints reported committed"
                + " (%d kills left a generation being built, %d landed after a commit and before its log line);"
                + " every restore held all three beans of one checkpoint, the last or the next reported; last:"
                + " %s%n", kills, took.toSeconds(), commitsReported, killedMidCommit, committedButNotReported,
                onDisk);
        assertThat(onDisk.transfer()).isPositive();
    }

    private static List<Long> reported(List<String> lines) {
        return lines.stream().map(COMMITTED::matcher).filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static long leftoverTemporaryGenerations(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(FileCheckpointStore.TEMP_SUFFIX)).count();
        }
    }

    private static long quarantined(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(FileCheckpointStore.CORRUPT_SUFFIX))
                    .count();
        }
    }

    /** The accounts of one checkpoint: balance and transfer number by name. */
    private record Ledger(long sequence, Map<String, Long> balances, Map<String, Long> transferNumbers) {

        static Ledger of(CheckpointSet set) throws Exception {
            Map<String, Long> balances = new TreeMap<>();
            Map<String, Long> transfers = new TreeMap<>();
            for (Envelope envelope : set.envelopes()) {
                var state = envelope.decode().state();
                balances.put(envelope.name(), state.get("balance").asLong());
                transfers.put(envelope.name(), state.get("transfer").asLong());
            }
            assertThat(balances.keySet()).as("checkpoint %d", set.sequence()).containsExactlyElementsOf(ACCOUNTS);
            return new Ledger(set.sequence(), balances, transfers);
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
