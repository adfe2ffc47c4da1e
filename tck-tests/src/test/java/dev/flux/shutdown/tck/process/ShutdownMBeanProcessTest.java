package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application's MBean read from another process, over a real JMX connection (this test JVM attaches to the
 * child, as an operator's console does): the phase, the work in flight, the configuration, the last report as text
 * and as JSON, and the operation that starts a graceful shutdown, refused unless configured.
 */
class ShutdownMBeanProcessTest {

    private static final String STARTED = "FLUX-TCK STARTED ";
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void mbeanShowsPhaseInFlightAndConfigurationAndRefusesTheShutdownOperationByDefault() throws Exception {
        try (ChildJvm app = ChildJvm.start(Map.of())) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                slow.add(http.getAsync("/slow?ms=3000"));
            }
            app.awaitLines(line -> line.startsWith(STARTED), 2);

            try (JmxProbe jmx = JmxProbe.attach(app.pid())) {
                assertThat(jmx.attribute("Application")).isEqualTo("application");
                assertThat(jmx.attribute("Phase")).isEqualTo("RUNNING");
                assertThat(jmx.attribute("InFlight")).isEqualTo(2);
                assertThat((String[]) jmx.attribute("Configuration")).contains(
                        "flux.shutdown.enabled=true", "flux.shutdown.drain.timeout=30s",
                        "flux.shutdown.drain.new-requests=serve", "flux.shutdown.signals=INT,TERM",
                        "flux.shutdown.observe.jmx-shutdown-operation=false");
                assertThat(jmx.attribute("LastReport")).isEqualTo("");

                Object answer = jmx.invoke("initiateShutdown", "rollout");

                assertThat((String) answer).startsWith("refused")
                        .contains("flux.shutdown.jmx.shutdown-operation=true");
                assertThat(jmx.attribute("Phase")).isEqualTo("RUNNING");
            }
            app.awaitLine(line -> line.contains("FLUX-0804") && line.contains("JMX: rollout"));
            for (CompletableFuture<HttpResponse<byte[]>> response : slow) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            app.signal("TERM");
            assertThat(app.awaitExit()).as(app.outputText()).isZero();
        }
    }

    @Test
    void shutdownOperationStartsAGracefulShutdownWhoseReportReadsTheSameAsTextAndJson() throws Exception {
        // a server hosts the application: the process stays after the phases, so the report can be read
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.process", "server",
                "flux.shutdown.jmx.shutdown-operation", "true"))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            assertThat(http.get("/ledger").statusCode()).isEqualTo(200);
            try (JmxProbe jmx = JmxProbe.attach(app.pid())) {

                assertThat(jmx.invoke("initiateShutdown", "rollout")).isEqualTo("started");

                await().atMost(BOUND).until(() -> !"".equals(jmx.attribute("LastReport")));
                assertThat(jmx.invoke("initiateShutdown", "again")).isEqualTo("running");
                assertThat(jmx.attribute("Phase")).isEqualTo("EXITING");
                String text = (String) jmx.attribute("LastReport");
                JsonNode json = new ObjectMapper().readTree((String) jmx.attribute("LastReportJson"));

                assertThat(text).contains("FLUX-0012 [app=application] Shutdown complete")
                        .contains("PROGRAMMATIC (JMX: rollout)");
                assertThat(json.get("application").asText()).isEqualTo("application");
                assertThat(json.get("cause").get("trigger").asText()).isEqualTo("PROGRAMMATIC");
                assertThat(json.get("cause").get("detail").asText()).isEqualTo("JMX: rollout");
                assertThat(json.get("exitCode").isNull()).as("a server owns the process").isTrue();
                assertThat(json.get("phases")).hasSize(5);
                List<String> expected = new ArrayList<>();
                for (JsonNode phase : json.get("phases")) {
                    expected.add(String.format(Locale.ROOT, "FLUX-0010 [app=application] %-10s %8s %-9s %s",
                            phase.get("phase").asText(), phase.get("duration").asText(), phase.get("status").asText(),
                            phase.get("summary").asText()));
                    phase.get("details").forEach(detail -> expected.add("FLUX-0011 [app=application]   "
                            + phase.get("phase").asText() + ": " + detail.asText()));
                }
                expected.add("FLUX-0012 [app=application] Shutdown complete in " + json.get("total").asText() + " ("
                        + json.get("cause").get("trigger").asText() + " (" + json.get("cause").get("detail").asText()
                        + ")): " + json.get("ending").asText());
                assertThat(text.split("\n")).as("the JSON report and the text report say the same")
                        .containsExactlyElementsOf(expected);
            }
        }
    }
}
