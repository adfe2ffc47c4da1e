package dev.flux.shutdown.internal.process;

/**
 * How the process ends after the phases. The default ends the JVM; an application that embeds several containers
 * in one JVM (or a test) may provide its own as a CDI alternative.
 */
public interface ProcessExit {

    /** Ends the process normally: the runtime's own shutdown hooks run. */
    void exit(int code);

    /** Ends the process at once, without shutdown hooks, when a bound was exceeded or the user insisted. */
    void halt(int code);
}
