package dev.flux.shutdown.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;

/**
 * Orders in an embedded H2 file database behind Quarkus' Agroal pool. Its cleanup makes the database durable
 * (every change written to the file and synced to the device) after the audit trail is safe; Quarkus closes the pool
 * itself when it stops, after the graceful shutdown.
 */
@ApplicationScoped
public class OrderStore {

    private static final Logger LOG = Logger.getLogger(OrderStore.class.getName());

    @Inject
    DataSource dataSource;

    @PostConstruct
    void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " item VARCHAR(200) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the orders table", e);
        }
    }

    /** Stores an order and returns its id. */
    public long place(String item) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (item) VALUES (?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, item);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the order", e);
        }
    }

    public long count() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the orders", e);
        }
    }

    /** Runs second: every committed order is in the database file, on the device. */
    @Cleanup(timeout = "5s")
    @Priority(20)
    void checkpointDatabase() throws SQLException {
        long orders = count();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        LOG.info(() -> "sample: cleanup database: checkpointed and synced with " + orders + " orders");
    }
}
