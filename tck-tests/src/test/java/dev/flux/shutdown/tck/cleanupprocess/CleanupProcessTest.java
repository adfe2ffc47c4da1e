package dev.flux.shutdown.tck.cleanupprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.tck.cleanupapp.CleanupApp;
import dev.flux.shutdown.tck.cleanupapp.Workspace;
import dev.flux.shutdown.testsupport.ChildProcess;

/**
 * A real JVM with a connection pool over an embedded file database, a buffered audit file and a buffering log
 * handler receives SIGTERM: its cleanups release every resource before the process exits, and nothing that was
 * buffered is lost.
 */
class CleanupProcessTest {

    private static final int RECORDS = 100;
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static ChildProcess child;
    private static int exitCode;

    @BeforeAll
    static void startChildThenSendSigterm() throws Exception {
        child = ChildProcess.start(new ProcessBuilder(ChildProcess.java(),
                "-cp", System.getProperty("java.class.path"),
                "-Dflux.shutdown.readiness-delay=0s",
                "-D" + Workspace.DIR + "=" + dir,
                "-D" + Workspace.RECORDS + "=" + RECORDS,
                CleanupApp.class.getName()), "cleanup application", BOUND);

        child.awaitLine(CleanupApp.READY::equals);
        child.signal("TERM");
        exitCode = child.awaitExit();
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void childExitsWithTheExitCodeOfACompleteShutdown() {
        assertThat(exitCode).as("exit code; output:%n%s", outputText()).isZero();
        assertThat(lines()).anySatisfy(line -> assertThat(line).contains("FLUX-0010 CLEANING")
                .contains("3 cleanups: 3 ok, 0 failed, 0 timed out, 0 skipped"));
    }

    @Test
    void bufferedDataIsStillOnlyInMemoryWhenTheShutdownStarts() {
        assertThat(lines()).as("the test proves nothing unless the data was buffered")
                .contains("probe DRAINING: audit-lines=0 log-records=0");
    }

    @Test
    void cleanupsWriteEveryBufferedLineAndRecordBeforeTheProcessEnds() {
        assertThat(lines()).contains("cleanup: audit synced lines=" + RECORDS,
                "probe PERSISTING: audit-lines=" + RECORDS + " log-records=" + RECORDS);
    }

    @Test
    void auditFileHoldsEveryLineAfterExit() throws IOException {
        List<String> audit = Files.readAllLines(dir.resolve("audit.txt"));

        assertThat(audit).hasSize(RECORDS).startsWith("order 1 item-1").endsWith("order 100 item-100");
    }

    @Test
    void logFileHoldsEveryRecordAfterExit() throws IOException {
        List<String> log = Files.readAllLines(dir.resolve("orders.log"));

        assertThat(log).hasSize(RECORDS).startsWith("stored order 1").endsWith("stored order 100");
    }

    @Test
    void poolIsClosedByItsCleanupAndTheDatabaseHoldsEveryCommittedRow() throws Exception {
        assertThat(lines()).contains("cleanup: orders pool closed=true");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("orders"));
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isEqualTo(RECORDS);
        }
    }

    @Test
    void cleanupsRunInPriorityOrderBeforeTheContainerShutsDown() {
        List<String> lines = lines();
        int auditSynced = indexOf(lines, "cleanup: audit synced");
        int poolClosed = indexOf(lines, "cleanup: orders pool closed");
        int weldShutDown = indexOf(lines, "shut down by shutdown hook");

        assertThat(auditSynced).as("audit synced (priority 10)").isNotNegative();
        assertThat(poolClosed).as("pool closed (priority 20)").isGreaterThan(auditSynced);
        assertThat(weldShutDown).as("Weld SE container shut down").isGreaterThan(poolClosed);
    }

    private static List<String> lines() {
        return child.output();
    }

    private static String outputText() {
        return child.outputText();
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
