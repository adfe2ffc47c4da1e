package dev.flux.shutdown.internal.state.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agreement between a caller and the worker running its transaction about who decides its end: either the
 * worker reaches its commit first, or the caller gives up first (interrupted, or out of time), and then the worker
 * never commits: it rolls back, its statements are cancelled on the server and its connection is aborted, so no
 * commit can land after the caller was told the transaction failed.
 */
final class TransactionAttempt {

    enum Stage {
        /** Waiting for a connection from the data source. */
        CONNECTING,
        /** Running the work's statements. */
        WORKING,
        /** The commit was sent: its outcome is the database's now. */
        COMMITTING,
        /** The caller gave up; the worker must not commit. */
        ABANDONED
    }

    private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.CONNECTING);
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private volatile Connection connection;

    /** Worker: the connection arrived; false if the caller has already given up. */
    boolean connected(Connection connection) {
        this.connection = connection;
        return stage.compareAndSet(Stage.CONNECTING, Stage.WORKING);
    }

    /** Worker: a statement of the work, to be cancelled if the caller gives up while it runs. */
    void track(Statement statement) throws SQLException {
        statements.add(statement);
        if (stage.get() == Stage.ABANDONED) {
            throw abandoned();
        }
    }

    /** Worker: claims the right to commit; false (and nothing may be committed) if the caller gave up first. */
    boolean mayCommit() {
        return stage.compareAndSet(Stage.WORKING, Stage.COMMITTING);
    }

    /**
     * Caller: gives up and returns the stage the attempt was in. While {@code WORKING}, the running statements are
     * cancelled and the connection aborted on {@code executor}, so the caller returns at once while the server
     * ends the transaction; an aborted connection is never handed out again by a pool. Once {@code COMMITTING},
     * the commit is left to finish: aborting could no longer take it back, only leave its outcome unknown.
     */
    Stage abandon(Executor executor) {
        Stage before = stage.getAndUpdate(now -> now == Stage.COMMITTING ? now : Stage.ABANDONED);
        Connection open = connection;
        if (before == Stage.WORKING && open != null) {
            executor.execute(() -> stop(open));
        }
        return before;
    }

    SQLException abandoned() {
        return new SQLException("the caller gave up on this transaction");
    }

    private void stop(Connection open) {
        for (Statement statement : statements) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // closed already, or the driver cannot cancel: the abort below ends the session
            }
        }
        try {
            open.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // it is being given up on anyway
        }
    }
}
