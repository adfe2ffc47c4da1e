package dev.flux.shutdown.tck.stateapp.ledger;

/**
 * One account of the ledger: its balance, and the number of the last transfer the ledger made (every transfer
 * stamps all accounts, so the accounts of one consistent snapshot carry the same number).
 */
public abstract class Account {

    /** What every account holds at a first start. */
    public static final long OPENING_BALANCE = 1000;

    private long balance = OPENING_BALANCE;
    private long transfer;

    synchronized void add(long amount, long transferNumber) {
        balance += amount;
        transfer = transferNumber;
    }

    public synchronized long balance() {
        return balance;
    }

    public synchronized long transfer() {
        return transfer;
    }
}
