package dev.flux.shutdown.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/**
 * Ordered cleanup in the packaged Quarkus sample: the build-compatible extension found the {@code @Cleanup} methods
 * at build time, and SIGTERM runs them in priority order, exactly once, while the database and files still exist.
 */
class CleanupIT {

    @Test
    void cleanupsRunInPriorityOrderExactlyOnceAndLeaveDurableResources() throws Exception {
        List<String> output;
        try (SampleProcess sample = SampleProcess.start(Map.of())) {
            for (String item : List.of("tea", "coffee", "cake")) {
                assertThat(sample.post("/orders?item=" + item).statusCode()).isEqualTo(200);
            }
            assertThat(sample.get("/report?ms=10").statusCode()).isEqualTo(200);

            sample.signal("TERM");

            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            output = sample.output();
            assertThat(output.stream().filter(line -> line.contains("sample: cleanup ")).map(CleanupIT::afterSample))
                    .containsExactly(
                            "cleanup audit-trail: 4 lines flushed and synced to ./sample-data/audit.log",
                            "cleanup database: checkpointed and synced with 3 orders",
                            "cleanup served-requests: 1 reports, 0 bytes exported");
            assertThat(output.stream().filter(line -> line.contains("FLUX-0011   CLEANING:"))
                    .map(line -> line.substring(line.indexOf("CLEANING: ") + "CLEANING: ".length(),
                            line.indexOf(": ok in"))))
                    .containsExactly(
                            "dev.flux.shutdown.sample.AuditTrail#flushAndSync [priority 10]",
                            "dev.flux.shutdown.sample.OrderStore#checkpointDatabase [priority 20]",
                            "dev.flux.shutdown.sample.ServedRequests#finalReport [no priority]",
                            "flush java.util.logging handlers [built-in]");

            assertThat(Files.readAllLines(sample.workDir().resolve("sample-data/audit.log"), StandardCharsets.UTF_8))
                    .hasSize(4);
            try (Connection db = DriverManager.getConnection("jdbc:h2:file:"
                    + sample.workDir().resolve("sample-data/orders").toAbsolutePath());
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT item FROM orders ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("tea");
                assertThat(rows.next()).isTrue();
                assertThat(rows.next()).isTrue();
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void phasesRunBeforeQuarkusStopsItsServerAndBeans() throws Exception {
        try (SampleProcess sample = SampleProcess.start(Map.of())) {
            sample.signal("TERM");

            assertThat(sample.awaitExit()).as(sample.outputText()).isZero();
            List<String> output = sample.output();
            int report = indexOf(output, line -> line.contains("FLUX-0012 Shutdown complete"));
            int quarkusStopped = indexOf(output, line -> line.contains("flux-shutdown-quarkus-sample stopped in"));
            assertThat(report).as(sample.outputText()).isNotNegative();
            assertThat(quarkusStopped).as(sample.outputText()).isGreaterThan(report);
        }
    }

    private static String afterSample(String line) {
        return line.substring(line.indexOf("sample: ") + "sample: ".length());
    }

    private static int indexOf(List<String> lines, Predicate<String> matching) {
        for (int i = 0; i < lines.size(); i++) {
            if (matching.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
