package dev.flux.shutdown.internal.observe.jmx;

/**
 * The operator's JMX console of one application's shutdown: what it shows (phase, work in flight, configuration,
 * last report) and the one operation, guarded by {@code flux.shutdown.jmx.shutdown-operation}, that starts it. The
 * applications of a JVM do not meet here: their signal dispatchers hold them (see the process room).
 */
public interface ShutdownConsoleMBean {

    /** The application's name. */
    String getApplication();

    /** The phase running now, or {@code RUNNING} while the application runs normally. */
    String getPhase();

    /** Whether the application owns the process, so that it ends the process after the phases. */
    boolean isOwnsProcess();

    /** {@code flux.shutdown.timeout}, the bound of the whole shutdown, in milliseconds. */
    long getTimeoutMillis();

    /** Requests, {@code @InFlight} calls and tickets in flight now. */
    int getInFlight();

    /** The configuration in force, one {@code flux.shutdown.name=value} per entry, defaults included. */
    String[] getConfiguration();

    /** The last shutdown's report as its text lines, or an empty string before the phases have ended. */
    String getLastReport();

    /** The last shutdown's report as one JSON object, or an empty string before the phases have ended. */
    String getLastReportJson();

    /**
     * Starts a graceful shutdown for {@code reason}, as {@code Shutdown.initiate(reason)} does, where
     * {@code flux.shutdown.jmx.shutdown-operation=true}; refused otherwise.
     *
     * @return {@code started}, {@code running} (one was already running) or why it was refused
     */
    String initiateShutdown(String reason);
}
