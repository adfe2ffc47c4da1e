package dev.flux.shutdown.tck.ledgerapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import org.eclipse.microprofile.health.Readiness;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.runtime.cdi.FluxShutdownExtension;
import dev.flux.shutdown.runtime.health.ShutdownReadinessCheck;

/**
 * A Weld SE service with three {@code @Persistent} accounts and a transfer count, for the tests of checkpoint sets
 * and of the JDBC store's hand-over. It prints {@code ready <state>} once started, then obeys lines on standard
 * input: {@code transfer N} makes N random transfers (each under {@code Shutdown.stateLock()}) and prints
 * {@code state <state>}; {@code state} prints it; {@code readiness} prints {@code readiness <data>} of the
 * library's readiness check; {@code hold} makes commits wait and {@code proceed} lets a held commit go on (see {@link LedgerDataSource}). With
 * {@code -Dapp.busy=true} it transfers without pause on a thread of its own. SIGTERM shuts it down through the
 * library's phases. {@code <state>} is {@code transfers=T checking=B/M savings=B/M reserve=B/M} (balance/moves).
 * <p>
 * It never outlives its parent: when standard input ends, it halts without a shutdown.
 */
public final class LedgerService {

    private LedgerService() {
    }

    public static void main(String[] args) throws Exception {
        SeContainer container = SeContainerInitializer.newInstance().disableDiscovery()
                .addExtensions(new FluxShutdownExtension())
                .addPackages(true, Shutdown.class)
                .addBeanClasses(CheckingAccount.class, SavingsAccount.class, ReserveAccount.class,
                        TransferCount.class, LedgerDataSource.class)
                .initialize();
        Shutdown shutdown = container.select(Shutdown.class).get();
        TransferCount count = container.select(TransferCount.class).get();
        List<Account> accounts = List.of(container.select(CheckingAccount.class).get(),
                container.select(SavingsAccount.class).get(), container.select(ReserveAccount.class).get());
        Ledger ledger = new Ledger(shutdown.stateLock(), count, accounts);
        System.out.println("ready " + ledger.describe());
        if (Boolean.getBoolean("app.busy")) {
            Thread busy = new Thread(() -> {
                while (true) {
                    ledger.transfer();
                }
            }, "ledger-busy");
            busy.setDaemon(true);
            busy.start();
        }
        ShutdownReadinessCheck readiness = container.select(ShutdownReadinessCheck.class, Readiness.Literal.INSTANCE)
                .get();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "transfer" -> {
                    int times = words.length > 1 ? Integer.parseInt(words[1]) : 1;
                    for (int i = 0; i < times; i++) {
                        ledger.transfer();
                    }
                    System.out.println("state " + ledger.describe());
                }
                case "state" -> System.out.println("state " + ledger.describe());
                case "readiness" -> System.out.println("readiness " + readiness.call().getData().orElseThrow());
                case "hold" -> LedgerDataSource.hold();
                case "proceed" -> LedgerDataSource.proceed();
                default -> System.out.println("unknown command " + line);
            }
        }
        Runtime.getRuntime().halt(5);
    }

    /** Transfers between the accounts, each one whole in every checkpoint. */
    record Ledger(Lock lock, TransferCount count, List<Account> accounts) {

        void transfer() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int from = random.nextInt(accounts.size());
            int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            long amount = 1 + random.nextInt(50);
            lock.lock();
            try {
                accounts.get(from).add(-amount);
                accounts.get(to).add(amount);
                count.next();
            } finally {
                lock.unlock();
            }
        }

        String describe() {
            lock.lock();
            try {
                return "transfers=" + count.count() + " checking=" + accounts.get(0).describe() + " savings="
                        + accounts.get(1).describe() + " reserve=" + accounts.get(2).describe();
            } finally {
                lock.unlock();
            }
        }
    }
}
