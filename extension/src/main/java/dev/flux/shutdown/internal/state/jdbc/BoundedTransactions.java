package dev.flux.shutdown.internal.state.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Runs one transaction on the application's {@code DataSource} within a time bound, whatever the pool and the
 * driver do: the connection is taken and used on a worker thread, with the driver's network and query timeouts set
 * to the bound as well. When the bound passes or the caller is interrupted, the caller gets an {@link IOException}
 * at once, and the worker never commits after that ({@link TransactionAttempt}): its running statement is cancelled
 * and its connection aborted, which rolls the transaction back on the server. A connection that comes back to the
 * pool comes back with the network timeout and auto-commit mode it had.
 */
final class BoundedTransactions {

    /** The work of one transaction; statements come from {@link Tx#prepare(String)}, which sets their timeout. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException, IOException;
    }

    /** An open transaction: its connection, and statements bounded by the remaining time. */
    static final class Tx {
        private final Connection connection;
        private final long deadlineNanos;
        private final TransactionAttempt attempt;

        Tx(Connection connection, long deadlineNanos, TransactionAttempt attempt) {
            this.connection = connection;
            this.deadlineNanos = deadlineNanos;
            this.attempt = attempt;
        }

        Connection connection() {
            return connection;
        }

        /** A statement bounded by the remaining time, cancelled if the caller gives up while it runs. */
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            attempt.track(statement);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime());
            statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds + 1)));
            return statement;
        }

        /** A plain statement (for DDL), cancelled if the caller gives up while it runs. */
        Statement createStatement() throws SQLException {
            Statement statement = connection.createStatement();
            attempt.track(statement);
            return statement;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "flux-shutdown-jdbc-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    BoundedTransactions(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** Runs {@code work} in one transaction, committed if it returns, rolled back if it throws or runs out of time. */
    <T> T run(Work<T> work) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        TransactionAttempt attempt = new TransactionAttempt();
        Future<T> result = workers.submit(() -> {
            Thread.currentThread().setContextClassLoader(application);
            try (Connection connection = dataSource.getConnection()) {
                if (!attempt.connected(connection)) {
                    throw new SQLException("the connection came after the bound of " + timeout);
                }
                return inTransaction(connection, work, new Tx(connection, deadline, attempt));
            } finally {
                Thread.currentThread().setContextClassLoader(null);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw giveUp(attempt, result, "no answer within " + timeout + " (bounded by " + JdbcStoreConfig.TIMEOUT
                    + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw giveUp(attempt, result, "interrupted", e);
        }
    }

    private IOException giveUp(TransactionAttempt attempt, Future<?> result, String why, Exception cause) {
        TransactionAttempt.Stage stage = attempt.abandon(workers);
        if (stage == TransactionAttempt.Stage.COMMITTING) {
            return new IOException(why + " while the commit was on its way: it may have committed", cause);
        }
        result.cancel(true);
        return new IOException(why, cause);
    }

    private <T> T inTransaction(Connection connection, Work<T> work, Tx tx) throws Exception {
        Integer networkTimeout = boundNetwork(connection);
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            try {
                T value = work.run(tx);
                if (!tx.attempt.mayCommit()) {
                    throw tx.attempt.abandoned();
                }
                connection.commit();
                return value;
            } catch (Exception e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } finally {
            restore(connection, autoCommit, networkTimeout);
        }
    }

    /** Sets the network timeout to the bound; returns the one the connection had, or null if the driver has none. */
    private Integer boundNetwork(Connection connection) throws SQLException {
        try {
            int before = connection.getNetworkTimeout();
            connection.setNetworkTimeout(workers, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return before;
        } catch (SQLFeatureNotSupportedException e) {
            return null; // the worker thread's bound still holds
        }
    }

    /** Gives the connection back as it came: a pool may hand it to the application next. */
    private void restore(Connection connection, boolean autoCommit, Integer networkTimeout) {
        try {
            connection.setAutoCommit(autoCommit);
            if (networkTimeout != null) {
                connection.setNetworkTimeout(workers, networkTimeout);
            }
        } catch (SQLException e) {
            // the connection is broken or aborted; closing it is all that is left
        }
    }
}
