package dev.flux.shutdown.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.report.ReportLog;

/**
 * Tells what a shutdown does to whoever follows it: the monitor (JFR, JMX, metrics) as it happens, and the log once,
 * with the report of the phases' end or, if the watchdog expires first, with the partial report. A monitor that
 * fails never stops the shutdown.
 */
final class ShutdownRecord {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownMonitor monitor;
    private final ReportLog reportLog;
    private final String label;
    /** Whether a report was logged: by the phases at their end, or by the watchdog when the bound passed. */
    private final AtomicBoolean reported = new AtomicBoolean();

    /** @param label the prefix naming the application in log lines, or empty */
    ShutdownRecord(ShutdownMonitor monitor, ReportLog reportLog, String label) {
        this.monitor = monitor;
        this.reportLog = reportLog;
        this.label = label;
    }

    /** Tells the monitor; a monitor that fails (a metrics backend, say) is logged and the shutdown goes on. */
    void observe(Consumer<ShutdownMonitor> call) {
        try {
            call.accept(monitor);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "FLUX-0801 " + label + "Recording the shutdown for JFR, JMX or metrics failed;"
                    + " the shutdown goes on", e);
        }
    }

    /**
     * The report of the phases' end: logged, unless the watchdog logged its partial report first (then one line says
     * that the shutdown has ended after all).
     */
    void phasesEnded(ShutdownReport done) {
        if (reported.compareAndSet(false, true)) {
            observe(m -> m.reported(done));
            reportLog.log(done);
        } else {
            LOG.info(() -> "FLUX-0008 " + label + "The shutdown that outlived " + ConfigKeys.TIMEOUT
                    + " has ended, after " + Durations.format(done.total()) + "; its report was logged when "
                    + ConfigKeys.TIMEOUT + " expired");
        }
    }

    /**
     * The partial report at the watchdog's expiry, told to the monitor at once and logged after {@code announce}
     * (the line saying what the watchdog does, told whether the report follows), unless the phases' own report
     * came first.
     */
    void timedOut(ShutdownReport partial, Consumer<Boolean> announce) {
        boolean first = reported.compareAndSet(false, true);
        if (first) {
            observe(m -> m.reported(partial));
        }
        announce.accept(first);
        if (first) {
            reportLog.log(partial);
        }
    }
}
