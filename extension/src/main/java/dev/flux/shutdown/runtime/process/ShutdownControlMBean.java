package dev.flux.shutdown.runtime.process;

/**
 * One application's shutdown as the JVM-wide signal dispatcher sees it, through the platform MBeanServer. Each
 * application has its own copy of the library's classes, so everything that crosses between applications uses JDK
 * types only: names, strings, numbers and booleans.
 */
public interface ShutdownControlMBean {

    /** What {@link #signal} answers when it started this application's phases. */
    String STARTED = "started";
    /** What {@link #signal} answers when a shutdown was already running. */
    String RUNNING = "running";
    /** What {@link #signal} answers when the application does not handle that signal. */
    String IGNORED = "ignored";

    /** The application's name. */
    String getApplication();

    /** The phase running now, or {@code RUNNING} while the application runs normally. */
    String getPhase();

    /** Whether the application owns the process, so that it ends the process after the phases. */
    boolean isOwnsProcess();

    /** {@code flux.shutdown.timeout}, the bound of the whole shutdown, in milliseconds. */
    long getTimeoutMillis();

    /**
     * Claims the shutdown for the signal ({@code TERM}, {@code INT}, ...), which turns readiness DOWN and nothing else;
     * {@link #signal} then starts its phases. The dispatcher claims every application before it starts any.
     */
    String claim(String name);

    /** Starts the phases for the signal, claimed or not, on a thread of the application's. */
    String signal(String name);

    /** Waits at most {@code millis} for the phases to finish; {@code false} if the bound passed first. */
    boolean awaitPhases(long millis);

    /** Ends the process as the report says, where the application owns it. */
    void endProcess();

    /**
     * Takes over the JVM's handler of a signal from an application that leaves, keeping the original handler.
     *
     * @return {@code true} only if this application's dispatcher now holds the slot
     */
    boolean adoptSignal(String name);

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
