package dev.flux.shutdown.runtime;

import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/** Writes the shutdown report to the log: one line per phase, its details, and a summary. */
final class ReportLog {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private ReportLog() {
    }

    static void log(ShutdownReport report) {
        for (PhaseReport phase : report.phases()) {
            LOG.info(() -> String.format(Locale.ROOT, "FLUX-0010 %-10s %8s %-9s %s", phase.phase(),
                    Durations.format(phase.duration()), phase.complete() ? "ok" : "TIMED-OUT", phase.summary()));
            for (String detail : phase.details()) {
                LOG.info(() -> "FLUX-0011   " + phase.phase() + ": " + detail);
            }
        }
        LOG.info(() -> "FLUX-0012 Shutdown " + (report.complete() ? "complete" : "incomplete") + " in "
                + Durations.format(report.total()) + " (" + report.cause() + "): exit code " + report.exitCode());
    }

    /** Makes sure the last lines reach their destination before the process ends. */
    static void flushHandlers() {
        for (Logger logger = LOG; logger != null; logger = logger.getParent()) {
            for (Handler handler : logger.getHandlers()) {
                handler.flush();
            }
        }
    }
}
