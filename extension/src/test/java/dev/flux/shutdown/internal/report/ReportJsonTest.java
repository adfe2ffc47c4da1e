package dev.flux.shutdown.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/** The JSON form of the report: one line, the same facts as the text lines. */
class ReportJsonTest {

    private final ShutdownReport report = new ShutdownReport(ShutdownCause.signal("TERM"), List.of(
            new PhaseReport(ShutdownPhase.DRAINING, Duration.ofMillis(1234), false, "2 in flight at start, 1 still",
                    List.of("GET /slow \"quoted\"\n(running for 30000 ms)")),
            new PhaseReport(ShutdownPhase.EXITING, Duration.ofNanos(150_000), true, "report logged", List.of())),
            Duration.ofMillis(1300), OptionalInt.of(1), new LateRequests(3, 1, 2));

    @Test
    void theReportIsOneLineOfJsonWithTheTextReportsFacts() throws Exception {
        String line = ReportJson.render(report, "orders");

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        List<String> text = ReportLog.lines(report, "");
        assertThat(json.get("application").asText()).isEqualTo("orders");
        assertThat(json.get("cause").get("trigger").asText()).isEqualTo("SIGNAL");
        assertThat(json.get("cause").get("detail").asText()).isEqualTo("SIGTERM");
        assertThat(json.get("complete").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("totalMs").asDouble()).isEqualTo(1300.0);
        assertThat(json.get("lateRequests").get("served").asLong()).isEqualTo(3);
        assertThat(json.get("lateRequests").get("refusedAfterDraining").asLong()).isEqualTo(2);
        JsonNode draining = json.get("phases").get(0);
        assertThat(draining.get("durationMs").asDouble()).isEqualTo(1234.0);
        assertThat(draining.get("status").asText()).isEqualTo("TIMED-OUT");
        assertThat(text.get(0)).contains(draining.get("duration").asText()).contains("TIMED-OUT")
                .endsWith(draining.get("summary").asText());
        assertThat(text.get(1)).endsWith(draining.get("details").get(0).asText());
        assertThat(json.get("phases").get(1).get("durationMs").asDouble()).isEqualTo(0.15);
        assertThat(text.get(text.size() - 1)).contains(json.get("total").asText())
                .endsWith(json.get("ending").asText());
    }
}
