package dev.flux.shutdown.tck.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flux.shutdown.tck.app.Ledger;
import dev.flux.shutdown.tck.app.TckOutput;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A shutdown seen from outside the log: the application runs with a JDK Flight Recorder recording (the JDK's
 * default settings) and the JSON report, gets SIGTERM with requests in flight, and the recording it leaves holds the
 * trigger, the five phases in order, the drain, the cleanups and the checkpoint, with their fields; nothing per
 * request. The JSON line of the report says what the recorded phases say.
 */
class ShutdownRecordingProcessTest {

    private static final String STARTED = "FLUX-TCK STARTED ";
    private static final String JSON_REPORT = "FLUX-0800 ";
    private static final List<String> PHASES = List.of("PREPARING", "DRAINING", "CLEANING", "PERSISTING", "EXITING");

    @TempDir
    Path recordings;

    @Test
    void sigtermWithWorkInFlightLeavesEveryPhaseDrainCleanupAndCheckpointInTheRecording() throws Exception {
        Path recording = recordings.resolve("shutdown.jfr");
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        List<String> output;
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.report.format", "json"),
                List.of("-XX:StartFlightRecording=dumponexit=true,filename=" + recording))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            assertThat(http.get("/ledger").statusCode()).isEqualTo(200);
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/hello").statusCode()).isEqualTo(200);
            }
            List<CompletableFuture<HttpResponse<byte[]>>> slow = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                slow.add(http.getAsync("/slow?ms=3000"));
            }
            app.awaitLines(line -> line.startsWith(STARTED), 3);

            app.signal("TERM");
            app.awaitLine(line -> line.equals(TckOutput.PHASE + "DRAINING"));
            // the phase line comes just before DRAINING starts: ask until a response shows it (Connection: close)
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/hello").headers()
                    .firstValue("Connection").filter("close"::equalsIgnoreCase).isPresent());

            for (CompletableFuture<HttpResponse<byte[]>> response : slow) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            assertThat(app.awaitExit()).as(app.outputText()).isZero();
            output = app.output();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.flux.shutdown."))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime))
                .toList();

        assertThat(events).as("nothing per request: 24 requests were served")
                .extracting(e -> e.getEventType().getName())
                .containsOnly("dev.flux.shutdown.Trigger", "dev.flux.shutdown.Phase", "dev.flux.shutdown.Drain",
                        "dev.flux.shutdown.Cleanup", "dev.flux.shutdown.Checkpoint");

        RecordedEvent trigger = single(events, "Trigger");
        assertThat(trigger.getString("trigger")).isEqualTo("SIGNAL");
        assertThat(trigger.getString("detail")).isEqualTo("SIGTERM");
        assertThat(trigger.getString("application")).isEqualTo("application");

        List<RecordedEvent> phases = named(events, "Phase");
        assertThat(phases).extracting(e -> e.getString("phase")).containsExactlyElementsOf(PHASES);
        assertThat(phases).allSatisfy(phase -> {
            assertThat(phase.getString("cause")).isEqualTo("SIGNAL (SIGTERM)");
            assertThat(phase.getString("outcome")).isEqualTo("ok");
        });
        for (int i = 1; i < phases.size(); i++) {
            assertThat(phases.get(i).getStartTime()).as("each phase starts after the one before ended")
                    .isAfterOrEqualTo(phases.get(i - 1).getEndTime());
        }
        assertThat(trigger.getStartTime()).isBeforeOrEqualTo(phases.get(0).getStartTime());
        RecordedEvent draining = phases.get(1);
        assertThat(draining.getDuration().toMillis()).as("the slow requests kept DRAINING going").isPositive();

        RecordedEvent drain = single(events, "Drain");
        assertThat(drain.getInt("inFlightAtStart")).isEqualTo(3);
        assertThat(drain.getBoolean("timedOut")).isFalse();
        assertThat(drain.getInt("stillRunning")).isZero();
        assertThat(drain.getLong("servedLate")).as("the request that saw DRAINING, at least").isPositive();
        assertThat(drain.getLong("refused")).isZero();
        assertThat(drain.getLong("latency")).isNotNegative();
        within(drain, draining);

        List<RecordedEvent> cleanups = named(events, "Cleanup");
        assertThat(cleanups).anySatisfy(cleanup -> {
            assertThat(cleanup.getString("bean")).isEqualTo(Ledger.class.getName());
            assertThat(cleanup.getString("method")).isEqualTo("close");
            assertThat(cleanup.getString("priority")).isEqualTo("10");
            assertThat(cleanup.getString("outcome")).isEqualTo("OK");
            within(cleanup, phases.get(2));
        });
        assertThat(cleanups).anySatisfy(cleanup -> assertThat(cleanup.getString("priority")).isEqualTo("built-in"));
        assertThat(output).contains(Ledger.CLOSED + 1);

        RecordedEvent checkpoint = single(events, "Checkpoint");
        assertThat(checkpoint.getString("bean")).isEqualTo("ledger");
        assertThat(checkpoint.getLong("bytes")).isPositive();
        assertThat(checkpoint.getString("store")).startsWith("files in ").endsWith("flux-state");
        assertThat(checkpoint.getLong("sequence")).isPositive();
        assertThat(checkpoint.getString("kind")).isEqualTo("final");
        assertThat(checkpoint.getString("result")).isEqualTo("WRITTEN");
        within(checkpoint, phases.get(3));

        String line = output.stream().filter(l -> l.contains(JSON_REPORT)).findFirst().orElseThrow();
        JsonNode report = new ObjectMapper().readTree(line.substring(line.indexOf(JSON_REPORT) + JSON_REPORT.length()));
        assertThat(report.get("cause").get("trigger").asText()).isEqualTo("SIGNAL");
        assertThat(report.get("cause").get("detail").asText()).isEqualTo("SIGTERM");
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("lateRequests").get("served").asLong()).isEqualTo(drain.getLong("servedLate"));
        List<String> jsonPhases = new ArrayList<>();
        report.get("phases").forEach(phase -> jsonPhases.add(phase.get("phase").asText() + ": "
                + phase.get("status").asText() + ", " + phase.get("summary").asText()));
        assertThat(jsonPhases).as("the JSON report says what the recording says")
                .containsExactlyElementsOf(phases.stream().map(p -> p.getString("phase") + ": "
                        + p.getString("outcome") + ", " + p.getString("summary")).toList());
        assertThat(output).as("json replaces the text lines").noneMatch(l -> l.contains("FLUX-0010"));
    }

    @Test
    void workStillRunningWhenTheDrainTimeoutPassesIsRecordedOneEventEach() throws Exception {
        Path recording = recordings.resolve("timeout.jfr");
        try (ChildJvm app = ChildJvm.start(Map.of("flux.shutdown.drain.timeout", "1s"),
                List.of("-XX:StartFlightRecording=dumponexit=true,filename=" + recording))) {
            HttpProbe http = new HttpProbe(app.awaitHttpPort());
            app.awaitReady();
            http.getAsync("/slow?ms=20000");
            http.getAsync("/slow?ms=20000");
            app.awaitLines(line -> line.startsWith(STARTED), 2);

            app.signal("TERM");

            assertThat(app.awaitExit()).as("forced-exit-code; " + app.outputText()).isEqualTo(1);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.flux.shutdown."))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime))
                .toList();

        RecordedEvent drain = single(events, "Drain");
        assertThat(drain.getBoolean("timedOut")).isTrue();
        assertThat(drain.getInt("inFlightAtStart")).isEqualTo(2);
        assertThat(drain.getInt("stillRunning")).isEqualTo(2);
        assertThat(named(events, "Phase")).filteredOn(e -> e.getString("phase").equals("DRAINING"))
                .singleElement().satisfies(e -> assertThat(e.getString("outcome")).isEqualTo("timed-out"));
        assertThat(named(events, "StillRunning")).hasSize(2).allSatisfy(e -> {
            assertThat(e.getString("work")).contains("GET").contains("/slow");
            assertThat(e.getString("bound")).isEqualTo("flux.shutdown.drain.timeout");
        });
    }

    @Test
    void aShutdownThatOutlivesTimeoutIsInTheRecordingThoughTheWatchdogHalts() throws Exception {
        Path recording = recordings.resolve("halt.jfr");
        try (ChildJvm app = ChildJvm.start(Map.of("tck.hang-in", "CLEANING", "flux.shutdown.timeout", "3s",
                "flux.shutdown.drain.timeout", "1s", "flux.shutdown.forced-exit-code", "7"),
                List.of("-XX:StartFlightRecording=dumponexit=true,filename=" + recording))) {
            app.awaitReady();

            app.signal("TERM");

            assertThat(app.awaitExit()).as("the watchdog's halt; " + app.outputText()).isEqualTo(7);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.flux.shutdown."))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime))
                .toList();

        assertThat(named(events, "Phase")).extracting(e -> e.getString("phase") + " " + e.getString("outcome"))
                .containsExactly("PREPARING ok", "DRAINING ok", "CLEANING timed-out");
        RecordedEvent stillRunning = single(events, "StillRunning");
        assertThat(stillRunning.getString("work")).isEqualTo("CLEANING phase");
        assertThat(stillRunning.getString("bound")).isEqualTo("flux.shutdown.timeout");
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals("dev.flux.shutdown." + name)).toList();
    }

    private static RecordedEvent single(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = named(events, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static void within(RecordedEvent inner, RecordedEvent phase) {
        Instant start = inner.getStartTime();
        assertThat(start).as("%s within %s", inner.getEventType().getName(), phase.getString("phase"))
                .isAfterOrEqualTo(phase.getStartTime()).isBeforeOrEqualTo(phase.getEndTime());
        assertThat(inner.getEndTime()).isBeforeOrEqualTo(phase.getEndTime());
    }
}
