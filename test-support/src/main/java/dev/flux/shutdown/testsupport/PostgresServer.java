package dev.flux.shutdown.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test class: a fresh cluster in a temporary directory, on a free port of
 * loopback, with trust authentication for the user {@value #USER}, removed again by {@link #close()}.
 * <p>
 * It runs Debian's {@code postgresql} package (binaries under {@code /usr/lib/postgresql/<version>/bin}, or the
 * directory in {@code -Dflux.postgres.bin} / {@code FLUX_POSTGRES_BIN}); {@code .ci/run} installs it. PostgreSQL
 * refuses to run as root, so under root the server runs as the package's {@code postgres} user (through
 * {@code setpriv}), with its directory handed to that user.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser of the test cluster (trust authentication on loopback, no password). */
    public static final String USER = "flux";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asRoot;
    private Process process;
    private OutputLines output;
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
        Path bin = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
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

    /** Runs {@code psql} with one SQL command against {@code database}; returns its output (unaligned). */
    public String psql(String database, String sql) {
        List<String> command = List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", USER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
        return run(command, false);
    }

    /** Creates a database (each test can take its own). */
    public void createDatabase(String name) {
        psql("postgres", "CREATE DATABASE " + name);
    }

    /** Stops the server (fast shutdown: open sessions are ended), keeping its data for {@link #restart()}. */
    public void stop() {
        if (process != null && process.isAlive()) {
            // SIGINT is PostgreSQL's "fast" shutdown; Process.destroy would send SIGTERM ("smart": waits for clients)
            run(List.of("kill", "-INT", String.valueOf(process.pid())), false);
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
            run(List.of("chown", "postgres:postgres", root.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "-A", "trust", "-E",
                "UTF8", "--no-sync", "--no-instructions"), true);
    }

    private void launch() {
        List<String> command = asUser(List.of(bin.resolve("postgres").toString(), "-D", data().toString(), "-p",
                String.valueOf(port), "-k", root.toString(), "-c", "listen_addresses=127.0.0.1", "-c",
                "max_connections=200", "-c", "log_min_messages=warning"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        output = OutputLines.readFrom(process.getInputStream(), "postgres-" + port);
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
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres",
                "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String run(List<String> command, boolean asServerUser) {
        List<String> full = asServerUser ? asUser(command) : command;
        try {
            Process child = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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

    private static Path binaries() {
        String configured = System.getProperty("flux.postgres.bin", System.getenv("FLUX_POSTGRES_BIN"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("postgres")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + debian));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL server binaries not found under " + debian + " (install"
                    + " Debian's postgresql package, as .ci/run does, or set -Dflux.postgres.bin)", e);
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
