package dev.flux.shutdown.internal.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.config.Durations;

/**
 * The shutdown report as one JSON object on one line, for log pipelines: the same facts as the text lines (each
 * phase's duration as the text shows it and in milliseconds, its status, summary and details; the total, the cause,
 * the exit code or what becomes of the process).
 */
public final class ReportJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ReportJson() {
    }

    /** @param application the application's name, as the MBean and server log labels name it */
    public static String render(ShutdownReport report, String application) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("application", application);
            json.writeObjectFieldStart("cause");
            json.writeStringField("trigger", report.cause().trigger().name());
            json.writeStringField("detail", report.cause().detail());
            json.writeEndObject();
            json.writeBooleanField("complete", report.complete());
            json.writeStringField("total", Durations.format(report.total()));
            json.writeNumberField("totalMs", millis(report.total()));
            if (report.exitCode().isPresent()) {
                json.writeNumberField("exitCode", report.exitCode().getAsInt());
            } else {
                json.writeNullField("exitCode");
            }
            json.writeStringField("ending", ReportLog.ending(report));
            json.writeObjectFieldStart("lateRequests");
            json.writeNumberField("served", report.late().served());
            json.writeNumberField("refusedDuringDraining", report.late().refusedDuringDraining());
            json.writeNumberField("refusedAfterDraining", report.late().refusedAfterDraining());
            json.writeEndObject();
            json.writeArrayFieldStart("phases");
            for (PhaseReport phase : report.phases()) {
                json.writeStartObject();
                json.writeStringField("phase", phase.phase().name());
                json.writeStringField("duration", Durations.format(phase.duration()));
                json.writeNumberField("durationMs", millis(phase.duration()));
                json.writeStringField("status", ReportLog.status(phase));
                json.writeStringField("summary", phase.summary());
                json.writeArrayFieldStart("details");
                for (String detail : phase.details()) {
                    json.writeString(detail);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
        return out.toString();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000L + (duration.toNanos() % 1_000_000L) / 1e6;
    }
}
