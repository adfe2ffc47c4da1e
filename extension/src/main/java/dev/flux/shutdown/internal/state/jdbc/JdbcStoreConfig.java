package dev.flux.shutdown.internal.state.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * Configuration of the JDBC checkpoint store and of the instance identity that owns a set of checkpoints in it.
 *
 * @param dataSource {@value #DATASOURCE}: the name of the application's {@code DataSource}, a CDI bean
 *                   {@code @Named} so or a JNDI name; empty means the default {@code DataSource} bean
 * @param table      {@value #TABLE}: the table of checkpoint sets (entries live in {@code <table>_entry}); a plain
 *                   SQL identifier, optionally qualified by a schema
 * @param instance   {@value #INSTANCE}: who this process is; a stable name (a StatefulSet pod's) restores its own
 *                   checkpoint, a new name claims one that another instance released
 * @param timeout    {@value #TIMEOUT}: bound of one operation on the store (connect, read, commit)
 */
public record JdbcStoreConfig(String dataSource, String table, String instance, Duration timeout) {

    public static final String DATASOURCE = ConfigKeys.PREFIX + "state.jdbc.datasource";
    public static final String TABLE = ConfigKeys.PREFIX + "state.jdbc.table";
    public static final String TIMEOUT = ConfigKeys.PREFIX + "state.jdbc.timeout";
    public static final String INSTANCE = ConfigKeys.PREFIX + "state.instance";

    public static final String DEFAULT_TABLE = "flux_checkpoint";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The longest table name: PostgreSQL keeps 63 bytes of a name, and {@code _entry} is appended. */
    public static final int MAX_TABLE_LENGTH = 57;
    public static final int MAX_INSTANCE_LENGTH = 200;

    /** One or two plain identifiers (schema and table): letters, digits and underscores, not starting with a digit. */
    private static final Pattern SQL_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INSTANCE_NAME = Pattern.compile("[\\p{Alnum}._:@-]+");

    /** Reads and checks the keys; every problem is recorded in {@code reader}. */
    public static JdbcStoreConfig read(ConfigReader reader, Map<String, String> environment) {
        String dataSource = reader.raw(DATASOURCE).orElse("");
        String table = reader.raw(TABLE).orElse(DEFAULT_TABLE);
        if (!SQL_NAME.matcher(table).matches() || table.length() > MAX_TABLE_LENGTH) {
            reader.invalid(TABLE, table, "a plain SQL table name of at most " + MAX_TABLE_LENGTH + " characters:"
                    + " letters, digits and underscores, not starting with a digit, optionally schema.table");
            table = DEFAULT_TABLE;
        }
        String instance = reader.raw(INSTANCE).orElseGet(() -> defaultInstance(environment));
        if (!INSTANCE_NAME.matcher(instance).matches() || instance.length() > MAX_INSTANCE_LENGTH) {
            reader.invalid(INSTANCE, instance, "an instance name of 1 to " + MAX_INSTANCE_LENGTH + " characters:"
                    + " letters, digits and . _ : @ - (default: the HOSTNAME variable, else the host name)");
            instance = "invalid";
        }
        Duration timeout = reader.duration(TIMEOUT, DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            reader.invalid(TIMEOUT, reader.raw(TIMEOUT).orElse(""), "a positive duration");
            timeout = DEFAULT_TIMEOUT;
        }
        return new JdbcStoreConfig(dataSource, table, instance, timeout);
    }

    /**
     * The pod name on Kubernetes ({@code HOSTNAME} is set to it), else the host name: stable for a StatefulSet's
     * pod and for a machine, new for each pod of a Deployment.
     */
    static String defaultInstance(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("HOSTNAME")).map(String::trim).filter(h -> !h.isEmpty())
                .orElseGet(() -> {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (UnknownHostException e) {
                        return "localhost";
                    }
                });
    }

    /** The table of entries (one row per bean of a set). */
    public String entryTable() {
        return table + "_entry";
    }
}
