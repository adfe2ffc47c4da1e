package dev.flux.shutdown.tck.cleanupapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.flux.shutdown.Cleanup;

/**
 * Orders in an embedded H2 file database behind a HikariCP pool. The database is not closed by H2's own exit hook
 * ({@code DB_CLOSE_ON_EXIT=FALSE}, as a managed pool wants): closing the pool is what closes it.
 */
@ApplicationScoped
public class OrderStore {

    private HikariDataSource pool;

    @PostConstruct
    void open() {
        Workspace workspace = Workspace.fromSystemProperties();
        HikariConfig config = new HikariConfig();
        config.setPoolName("orders");
        config.setJdbcUrl("jdbc:h2:file:" + workspace.database() + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, item VARCHAR(64))");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the orders table", e);
        }
    }

    public void insert(int id, String item) {
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, item);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store order " + id, e);
        }
    }

    /** After the audit file is synced: the last thing the application releases. */
    @Cleanup
    @Priority(20)
    void closePool() {
        pool.close();
        System.out.println("cleanup: orders pool closed=" + pool.isClosed());
    }
}
