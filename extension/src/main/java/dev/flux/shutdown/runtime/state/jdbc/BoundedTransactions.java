package dev.flux.shutdown.runtime.state.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * Runs one transaction on the application's {@code DataSource} within a time bound, whatever the pool and the
 * driver do: the connection is taken and used on a worker thread, with the driver's network and query timeouts set
 * to the bound as well; when the bound passes, the caller gets an {@link IOException} at once and the connection
 * is aborted, which rolls the transaction back on the server. Nothing is committed unless the whole work ran.
 */
final class BoundedTransactions {

    /** The work of one transaction; statements come from {@link Tx#prepare(String)}, which sets their timeout. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException, IOException;
    }

    /** An open transaction: its connection, and statements bounded by the remaining time. */
    record Tx(Connection connection, long deadlineNanos) {
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - System.nanoTime());
            statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds + 1)));
            return statement;
        }
    }

    private static final Object ABANDONED = new Object();
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
        AtomicReference<Object> slot = new AtomicReference<>();
        Future<T> result = workers.submit(() -> {
            Thread.currentThread().setContextClassLoader(application);
            try (Connection connection = dataSource.getConnection()) {
                if (!slot.compareAndSet(null, connection)) {
                    throw new SQLException("the connection came after the bound of " + timeout);
                }
                return inTransaction(connection, work, deadline);
            } finally {
                Thread.currentThread().setContextClassLoader(null);
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Object open = slot.getAndSet(ABANDONED);
            if (open instanceof Connection connection) {
                abort(connection);
            }
            result.cancel(true);
            throw new IOException("no answer within " + timeout + " (bounded by " + JdbcStoreConfig.TIMEOUT + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private <T> T inTransaction(Connection connection, Work<T> work, long deadline) throws Exception {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try {
            connection.setNetworkTimeout(workers, millis);
        } catch (SQLFeatureNotSupportedException e) {
            // the worker thread's bound still holds
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T value = work.run(new Tx(connection, deadline));
            connection.commit();
            return value;
        } catch (Exception e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                // the connection is broken; closing it is all that is left
            }
        }
    }

    private void abort(Connection connection) {
        try {
            connection.abort(workers);
        } catch (SQLException | RuntimeException e) {
            // it is being given up on anyway
        }
    }
}
