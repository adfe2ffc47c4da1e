package dev.flux.shutdown.tck.ledgerapp;

/**
 * An account: a balance that starts at {@value #OPENING} and the number of transfers it took part in. Transfers
 * between the three accounts keep their sum at three times the opening balance, and the sum of their moves at twice
 * the transfers counted by {@link TransferCount}: a cross-bean invariant that a checkpoint mixing two instants
 * would break.
 */
public abstract class Account {

    public static final long OPENING = 1000;

    private long balance = OPENING;
    private long moves;

    public synchronized void add(long amount) {
        balance += amount;
        moves++;
    }

    public synchronized long balance() {
        return balance;
    }

    public synchronized long moves() {
        return moves;
    }

    public synchronized String describe() {
        return balance + "/" + moves;
    }
}
