package dev.flux.shutdown.internal.process;

import java.util.OptionalInt;
import java.util.logging.Logger;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.report.ReportLog;
import dev.flux.shutdown.internal.ShutdownConfig;

/**
 * How a shutdown ends the process, where the application owns it: the exit code its report claims, the exit after
 * the phases, the halt of a second SIGINT or of the watchdog. Inside a server it ends nothing: the server's own
 * bounds decide, and other applications live on.
 */
public final class ProcessEnding {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    private final ShutdownConfig config;
    private final ProcessExit exit;
    private final RunningApplication application;
    private final Watchdog watchdog;

    /** @param expiry what the watchdog does when {@code flux.shutdown.timeout} passes, in the application's context */
    public ProcessEnding(ShutdownConfig config, ProcessExit exit, RunningApplication application, Runnable expiry) {
        this.config = config;
        this.exit = exit;
        this.application = application;
        this.watchdog = new Watchdog(config.timeout(), () -> application.context().execute(expiry));
    }

    public boolean ownsProcess() {
        return application.ownsProcess();
    }

    /** Starts the watchdog, as the phases are launched. */
    public void arm() {
        watchdog.arm();
    }

    /**
     * The exit code the library ends the process with: none inside a server, and none when the container closes
     * (whoever closes it decides what becomes of the process).
     */
    public OptionalInt exitCodeFor(ShutdownCause started, boolean complete) {
        return ownsProcess() && started.trigger() != ShutdownCause.Trigger.CONTAINER
                ? OptionalInt.of(complete ? config.exitCode() : config.forcedExitCode())
                : OptionalInt.empty();
    }

    /** The phases have ended: a report that claims no exit code leaves nothing for the watchdog to bound. */
    public void phasesEnded(ShutdownReport done) {
        if (done.exitCode().isEmpty()) {
            watchdog.disarm();
        }
    }

    /**
     * Ends the process as the report says, where the application owns it. The watchdog stays armed while the
     * runtime's shutdown hooks run; only a {@link ProcessExit} that returns (the process goes on, by its owner's
     * choice) stops it.
     */
    public void end(ShutdownReport done) {
        if (done != null && done.exitCode().isPresent()) {
            exit.exit(done.exitCode().getAsInt());
            watchdog.disarm();
        }
    }

    /** Ends the process at once with {@code forced-exit-code} (a second SIGINT), where the application owns it. */
    public void force(String why) {
        if (!ownsProcess()) {
            LOG.warning(() -> "FLUX-0004 " + application.logLabel() + why + ": the server hosts this application, so"
                    + " the library does not end the process");
            return;
        }
        LOG.warning(() -> "FLUX-0004 " + why + ": halting now with exit code " + config.forcedExitCode());
        halt();
    }

    /** Says what the watchdog's expiry does, while {@code phase} still runs; the partial report follows or not. */
    public void announceTimeout(ShutdownPhase phase, boolean reportFollows) {
        String exceeded = "Shutdown exceeded " + ConfigKeys.TIMEOUT + "=" + Durations.format(config.timeout())
                + " while in " + phase;
        if (ownsProcess()) {
            LOG.severe(() -> "FLUX-0003 " + exceeded + "; halting with exit code " + config.forcedExitCode());
        } else if (reportFollows) {
            LOG.severe(() -> "FLUX-0003 " + application.logLabel() + exceeded + "; the server hosts this application,"
                    + " so the library stops waiting and leaves the process to the server");
        }
    }

    /** Halts with {@code forced-exit-code}, the log written out first. */
    public void halt() {
        ReportLog.flushHandlers();
        exit.halt(config.forcedExitCode());
    }
}
