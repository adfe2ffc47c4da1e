package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flux.shutdown.internal.state.CorruptCheckpointException;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.tck.stateapp.LedgerService;
import dev.flux.shutdown.tck.stateapp.ledger.Account;

/**
 * The three accounts of one stored {@link LedgerService} checkpoint (balance and transfer number by name), and what
 * the cross-bean crash tests check of it after each kill, whatever store it was read from.
 */
record LedgerCheckpoint(long sequence, Map<String, Long> balances, Map<String, Long> transferNumbers) {

    private static final List<String> ACCOUNTS = List.of("checking", "reserve", "savings");
    private static final long SUM = 3 * Account.OPENING_BALANCE;
    static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

    /** Reads the accounts of generation {@code sequence}; {@code noun} names it in messages ("set", ...). */
    static LedgerCheckpoint of(String noun, long sequence, Iterable<Envelope> envelopes)
            throws CorruptCheckpointException {
        Map<String, Long> balances = new TreeMap<>();
        Map<String, Long> transfers = new TreeMap<>();
        for (Envelope envelope : envelopes) {
            var state = envelope.decode().state();
            balances.put(envelope.name(), state.get("balance").asLong());
            transfers.put(envelope.name(), state.get("transfer").asLong());
        }
        assertThat(balances.keySet()).as(noun + " %d", sequence).containsExactlyElementsOf(ACCOUNTS);
        return new LedgerCheckpoint(sequence, balances, transfers);
    }

    /** The generations the child reported committed, in order. */
    static List<Long> reported(List<String> lines) {
        return lines.stream().map(COMMITTED::matcher).filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    /**
     * Waits for the child's accounts: the opening balances on the first start ({@code previous} null), else
     * {@code previous} loaded and restored exactly.
     */
    static void assertStarted(ChildJvm child, LedgerCheckpoint previous, int kill, Duration bound)
            throws InterruptedException, TimeoutException {
        String accounts = child.awaitLine(l -> l.startsWith("accounts "), bound);
        if (previous == null) {
            assertThat(accounts).as("first start").isEqualTo("accounts 1000 1000 1000 0");
        } else {
            assertThat(child.lines()).as("after kill %d", kill - 1).contains("loaded " + previous.sequence());
            assertThat(accounts).as("restored after kill %d", kill - 1).isEqualTo(previous.accountsLine());
        }
    }

    /**
     * This checkpoint, found after {@code kill}, holds all accounts of one instant, is the {@code last} reported
     * or the next, and is not older than {@code previous} (null on the first kill).
     */
    void assertOneInstantAfter(String noun, int kill, long last, LedgerCheckpoint previous) {
        assertThat(sum()).as("sum in " + noun + " %d after kill %d: %s", sequence, kill, this).isEqualTo(SUM);
        assertThat(transfers()).as("one instant in " + noun + " %d after kill %d: %s", sequence, kill, this)
                .hasSize(1);
        assertThat(sequence).as("after kill %d: the last reported or the next", kill).isBetween(last, last + 1);
        if (previous != null) {
            assertThat(transfer()).as("never back").isGreaterThanOrEqualTo(previous.transfer());
        }
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
