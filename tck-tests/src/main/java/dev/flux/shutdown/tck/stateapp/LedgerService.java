package dev.flux.shutdown.tck.stateapp;

import java.io.IOException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.se.SeContainer;

import dev.flux.shutdown.tck.stateapp.ledger.Ledger;
import dev.flux.shutdown.tck.stateapp.ledger.LedgerContainer;
import dev.flux.shutdown.tck.stateapp.ledger.LedgerDataSource;

/**
 * The child of the cross-bean crash test: a Weld SE application with three {@code @Persistent} accounts whose sum
 * is constant, and a thread that transfers money between them as fast as it can while the library takes periodic
 * checkpoints (configure {@code -Dflux.shutdown.state.dir} and {@code -Dflux.shutdown.state.checkpoint-interval};
 * or {@code -Dflux.shutdown.state.store=jdbc} and {@code -Dapp.jdbc.url}, see {@link LedgerDataSource}).
 * It prints {@code loaded <sequence>} when the library loads a checkpoint, {@code accounts <checking> <savings>
 * <reserve> <transfer>} once all three are restored, and {@code committed <sequence>} for every checkpoint the library
 * reports committed (its FINE log line), until it is killed.
 * <p>
 * It never outlives its parent: it stops when its standard input closes, and after two minutes in any case.
 */
public final class LedgerService {

    private static final Pattern COMMITTED = Pattern.compile("FLUX-0700 checkpoint (\\d+) committed.*");
    private static final Pattern LOADED = Pattern.compile("FLUX-0707 Loaded checkpoint (\\d+) .*");

    private LedgerService() {
    }

    public static void main(String[] args) throws Exception {
        reportCheckpoints();
        SeContainer container = LedgerContainer.start();
        Ledger ledger = container.select(Ledger.class).get();
        System.out.println("accounts " + ledger.describe());
        Thread transfers = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ledger.transferRandomly();
            }
        }, "transfers");
        transfers.setDaemon(true);
        transfers.start();
        awaitEndOfInput();
        Runtime.getRuntime().halt(5);
    }

    /** Prints the library's log lines about loaded and committed checkpoints, in a form the test parses. */
    private static void reportCheckpoints() {
        Logger state = Logger.getLogger("dev.flux.shutdown.state");
        state.setLevel(Level.FINE);
        state.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Matcher committed = COMMITTED.matcher(message);
                Matcher loaded = LOADED.matcher(message);
                if (committed.matches()) {
                    System.out.println("committed " + committed.group(1));
                } else if (loaded.matches()) {
                    System.out.println("loaded " + loaded.group(1));
                }
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
                // nothing held
            }
        });
    }

    /** Returns when standard input ends (the parent writes nothing to it: it is gone), or after 2 minutes. */
    private static void awaitEndOfInput() throws InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    continue;
                }
            } catch (IOException e) {
                System.out.println("parent-watcher: standard input failed (" + e + ")");
            }
        }, "parent-watcher");
        reader.setDaemon(true);
        reader.start();
        reader.join(120_000);
    }
}
