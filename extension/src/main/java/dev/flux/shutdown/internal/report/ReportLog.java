package dev.flux.shutdown.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.ShutdownReport.PhaseReport;
import dev.flux.shutdown.internal.config.Durations;

/**
 * Writes the shutdown report: one line per phase, its details, and a summary, or the whole report as one JSON line
 * ({@code flux.shutdown.report.format=json}). A line is never lost: when the JDK has already reset the logging
 * handlers (its own shutdown hook does, in parallel with a runtime's), it goes to standard error instead.
 */
public final class ReportLog {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final String label;
    private final String application;
    private final ReportFormat format;

    /**
     * @param label       the prefix naming the application, or empty
     * @param application the application's name, for the JSON form
     * @param format      text lines or one JSON line
     */
    public ReportLog(String label, String application, ReportFormat format) {
        this.label = label;
        this.application = application;
        this.format = format;
    }

    public void log(ShutdownReport report) {
        if (format == ReportFormat.JSON) {
            info("FLUX-0800 " + ReportJson.render(report, application));
            return;
        }
        lines(report, label).forEach(ReportLog::info);
    }

    /** Late requests are news: refused ones are clients turned away, which "complete" alone would hide. */
    private static String late(LateRequests late) {
        String served = late.served() == 0 ? "" : requests(late.served(), "late request") + " served";
        if (late.refused() == 0) {
            return served.isEmpty() ? "" : ", " + served;
        }
        return ", but " + requests(late.refused(), "request") + " REFUSED (" + late.refusedDuringDraining()
                + " during DRAINING, " + late.refusedAfterDraining() + " after it)"
                + (served.isEmpty() ? "" : "; " + served);
    }

    private static String requests(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The report as text lines, each with its message code, as the text form logs them. */
    public static List<String> lines(ShutdownReport report, String label) {
        List<String> lines = new ArrayList<>();
        for (PhaseReport phase : report.phases()) {
            lines.add(String.format(Locale.ROOT, "FLUX-0010 %s%-10s %8s %-9s %s", label, phase.phase(),
                    Durations.format(phase.duration()), status(phase), phase.summary()));
            for (String detail : phase.details()) {
                lines.add("FLUX-0011 " + label + "  " + phase.phase() + ": " + detail);
            }
        }
        lines.add("FLUX-0012 " + label + "Shutdown " + (report.complete() ? "complete" : "incomplete") + " in "
                + Durations.format(report.total()) + " (" + report.cause() + ")" + late(report.late()) + ": "
                + ending(report));
        return lines;
    }

    static String status(PhaseReport phase) {
        return phase.complete() ? "ok" : "TIMED-OUT";
    }

    static String ending(ShutdownReport report) {
        if (report.exitCode().isPresent()) {
            return "exit code " + report.exitCode().getAsInt();
        }
        return report.cause().trigger() == ShutdownCause.Trigger.CONTAINER
                ? "the process is left to whoever closed the container"
                : "the process is left to the server";
    }

    private static void info(String line) {
        if (LOG.isLoggable(Level.INFO) && !hasHandlers()) {
            System.err.println(Instant.now() + " INFO [dev.flux.shutdown] " + line);
            return;
        }
        LOG.info(line);
    }

    /** Whether a record of the library's logger would reach any handler. */
    private static boolean hasHandlers() {
        for (Logger logger = LOG; logger != null; logger = logger.getParent()) {
            if (logger.getHandlers().length > 0) {
                return true;
            }
            if (!logger.getUseParentHandlers()) {
                return false;
            }
        }
        return false;
    }

    /** Makes sure the last lines reach their destination before the process ends. */
    public static void flushHandlers() {
        for (Logger logger = LOG; logger != null; logger = logger.getParent()) {
            for (Handler handler : logger.getHandlers()) {
                handler.flush();
            }
        }
    }
}
