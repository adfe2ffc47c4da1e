package dev.flux.shutdown.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test class: a fresh cluster in a temporary directory, on a free port of
 * loopback, with trust authentication for the user {@value #USER}, removed again by {@link #close()}.
 * <p>
 * The server programs come from Maven ({@link PostgresBinaries}), so nothing is installed on the machine. PostgreSQL
 * refuses to run as root, so under root the cluster is handed to the unprivileged uid {@value #UNPRIVILEGED} and
 * {@code initdb}, {@code postgres} and {@code pg_ctl} run as that user through {@code setpriv} (util-linux), the one
 * program taken from the system.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser of the test cluster (trust authentication on loopback, no password). */
    public static final String USER = "flux";

    /** The user and group the server runs as when the tests run as root ({@code nobody}/{@code nogroup}). */
    static final int UNPRIVILEGED = 65534;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asRoot;
    private Process process;
    private final Thread hook;

    private PostgresServer(Path bin, Path root, int port, boolean asRoot) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asRoot = asRoot;
        this.hook = new Thread(this::stopQuietly, "postgres-server-stop-" + port);
    }

    /** Creates a cluster and starts the server; returns once it accepts connections. */
    public static PostgresServer start() {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            requireSetpriv();
        }
        Path bin = PostgresBinaries.bin(asRoot);
        try {
            Path root = Files.createTempDirectory("flux-postgres-");
            PostgresServer server = new PostgresServer(bin, root, freePort(), asRoot);
            server.initdb();
            server.launch();
            Runtime.getRuntime().addShutdownHook(server.hook);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} on this server, with the user; no password is needed. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /**
     * Runs one SQL command against {@code database} over JDBC; returns its rows one a line, columns separated by
     * {@code |}, {@code NULL} as an empty string (as {@code psql -At} prints them), or {@code ""} without rows.
     */
    public String query(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database));
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return "";
            }
            try (ResultSet rows = statement.getResultSet()) {
                int columns = rows.getMetaData().getColumnCount();
                StringJoiner lines = new StringJoiner("\n");
                while (rows.next()) {
                    StringJoiner line = new StringJoiner("|");
                    for (int column = 1; column <= columns; column++) {
                        String value = rows.getString(column);
                        line.add(value == null ? "" : value);
                    }
                    lines.add(line.toString());
                }
                return lines.toString();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + this + ": " + e.getMessage(), e);
        }
    }

    /** Creates a database (each test can take its own). */
    public void createDatabase(String name) {
        query("postgres", "CREATE DATABASE " + name);
    }

    /** Stops the server (fast shutdown: open sessions are ended), keeping its data for {@link #restart()}. */
    public void stop() {
        if (process != null && process.isAlive()) {
            // pg_ctl's fast mode (SIGINT) ends open sessions; Process.destroy would send SIGTERM, PostgreSQL's
            // "smart" shutdown, which waits for every client to leave
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "fast", "-w",
                        "-t", "60"), true);
            } catch (IllegalStateException e) {
                process.destroyForcibly();
            }
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Starts the stopped server again on the same port with the same data. */
    public void restart() {
        stop();
        launch();
    }

    /** Stops the server and removes its directory. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void stopQuietly() {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    private void initdb() throws IOException {
        if (asRoot) {
            Files.setAttribute(root, "unix:uid", UNPRIVILEGED);
            Files.setAttribute(root, "unix:gid", UNPRIVILEGED);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "-A", "trust", "-E",
                "UTF8", "--locale=C", "--no-sync", "--no-instructions"), true);
    }

    private void launch() {
        List<String> command = asUser(List.of(bin.resolve("postgres").toString(), "-D", data().toString(), "-p",
                String.valueOf(port), "-k", root.toString(), "-c", "listen_addresses=127.0.0.1", "-c",
                "max_connections=200", "-c", "log_min_messages=warning"));
        try {
            process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OutputLines output = OutputLines.readFrom(process.getInputStream(), "postgres-" + port);
        try {
            Optional<String> ready = output.await(line -> line.contains("ready to accept connections"),
                    START_TIMEOUT);
            if (ready.isEmpty()) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL did not start within " + START_TIMEOUT + ":\n"
                        + String.join("\n", output.lines()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path data() {
        return root.resolve("data");
    }

    private List<String> asUser(List<String> command) {
        if (!asRoot) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED,
                "--regid=" + UNPRIVILEGED, "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String run(List<String> command, boolean asServerUser) {
        List<String> full = asServerUser ? asUser(command) : command;
        try {
            Process child = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails once, naming the program, when the tests run as root on a machine without {@code setpriv}. */
    private static void requireSetpriv() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "setpriv")));
        if (!found) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, so the tests run it as uid "
                    + UNPRIVILEGED + " through setpriv, which is not on the PATH: install util-linux");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port;
    }
}
