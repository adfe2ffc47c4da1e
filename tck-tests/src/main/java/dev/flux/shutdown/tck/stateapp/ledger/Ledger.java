package dev.flux.shutdown.tck.stateapp.ledger;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Shutdown;

/**
 * Moves money between the three accounts, so that their sum never changes, each transfer under the library's state
 * lock: a checkpoint sees a transfer whole or not at all.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    CheckingAccount checking;

    @Inject
    SavingsAccount savings;

    @Inject
    ReserveAccount reserve;

    @Inject
    Shutdown shutdown;

    /** Moves a random amount from one random account to another, and stamps all three with the transfer's number. */
    public void transferRandomly() {
        List<Account> accounts = List.of(checking, savings, reserve);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(3);
        int to = (from + 1 + random.nextInt(2)) % 3;
        long amount = random.nextLong(1, 100);
        Lock lock = shutdown.stateLock();
        lock.lock();
        try {
            long number = checking.transfer() + 1;
            accounts.get(from).add(-amount, number);
            accounts.get(to).add(amount, number);
            accounts.get(3 - from - to).add(0, number);
        } finally {
            lock.unlock();
        }
    }

    /** {@code <checking> <savings> <reserve> <transfer>}, read under the state lock. */
    public String describe() {
        Lock lock = shutdown.stateLock();
        lock.lock();
        try {
            return checking.balance() + " " + savings.balance() + " " + reserve.balance() + " " + checking.transfer();
        } finally {
            lock.unlock();
        }
    }
}
