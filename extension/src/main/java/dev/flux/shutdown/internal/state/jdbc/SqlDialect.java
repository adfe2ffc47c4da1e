package dev.flux.shutdown.internal.state.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases whose SQL the JDBC store speaks, and the little that differs between them: the type of the
 * envelope's bytes. Both lock a released set with {@code FOR UPDATE SKIP LOCKED}, so that two instances claiming at
 * once take two different sets.
 */
enum SqlDialect {

    POSTGRESQL("PostgreSQL", "BYTEA"),
    H2("H2", "VARBINARY");

    private final String productName;
    private final String bytesType;

    SqlDialect(String productName, String bytesType) {
        this.productName = productName;
        this.bytesType = bytesType;
    }

    /** The dialect of a database by its JDBC product name, empty for one this store has not been tested on. */
    public static Optional<SqlDialect> of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (name.startsWith(dialect.productName.toLowerCase(Locale.ROOT))) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    public String productName() {
        return productName;
    }

    String bytesType() {
        return bytesType;
    }
}
