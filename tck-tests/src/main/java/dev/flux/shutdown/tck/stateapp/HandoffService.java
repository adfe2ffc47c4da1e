package dev.flux.shutdown.tck.stateapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.inject.se.SeContainer;

import org.eclipse.microprofile.health.Readiness;

import dev.flux.shutdown.internal.health.ShutdownReadinessCheck;
import dev.flux.shutdown.tck.stateapp.ledger.Ledger;
import dev.flux.shutdown.tck.stateapp.ledger.LedgerContainer;
import dev.flux.shutdown.tck.stateapp.ledger.LedgerDataSource;

/**
 * The ledger of {@link LedgerService} driven step by step, for the tests of the JDBC store's hand-over and bad
 * conditions: it prints {@code ready <accounts>} once started, then obeys lines on standard input:
 * {@code transfer N} makes N transfers and prints {@code state <accounts>}; {@code readiness} prints
 * {@code readiness <data>} of the library's readiness check; {@code hold} makes commits wait and {@code proceed}
 * lets a held commit go on (see {@link LedgerDataSource}). {@code <accounts>} is {@code <checking> <savings>
 * <reserve> <transfer>}. SIGTERM shuts it down through the library's phases. Configure it with system properties
 * ({@code -Dflux.shutdown.state.store=jdbc}, {@code -Dapp.jdbc.url=...}).
 * <p>
 * It never outlives its parent: when standard input ends, it halts without a shutdown.
 */
public final class HandoffService {

    private HandoffService() {
    }

    public static void main(String[] args) throws Exception {
        SeContainer container = LedgerContainer.start();
        Ledger ledger = container.select(Ledger.class).get();
        System.out.println("ready " + ledger.describe());
        ShutdownReadinessCheck readiness = container.select(ShutdownReadinessCheck.class, Readiness.Literal.INSTANCE)
                .get();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "transfer" -> {
                    int times = words.length > 1 ? Integer.parseInt(words[1]) : 1;
                    for (int i = 0; i < times; i++) {
                        ledger.transferRandomly();
                    }
                    System.out.println("state " + ledger.describe());
                }
                case "readiness" -> System.out.println("readiness " + readiness.call().getData().orElseThrow());
                case "hold" -> LedgerDataSource.hold();
                case "proceed" -> LedgerDataSource.proceed();
                default -> System.out.println("unknown command " + line);
            }
        }
        Runtime.getRuntime().halt(5);
    }
}
