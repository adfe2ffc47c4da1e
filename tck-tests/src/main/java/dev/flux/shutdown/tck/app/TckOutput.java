package dev.flux.shutdown.tck.app;

/**
 * The lines the application prints to standard output for the process-level tests, one event per line, each
 * flushed at once so that its order against the library's log lines (standard error) is kept.
 */
public final class TckOutput {

    /** Printed once the container has started, followed by the process id. */
    public static final String READY = "FLUX-TCK READY pid=";
    /** Printed once the HTTP server listens, followed by its port. */
    public static final String HTTP_PORT = "FLUX-TCK HTTP port=";
    /** Printed once the WebSocket server listens, followed by its port. */
    public static final String WS_PORT = "FLUX-TCK WS port=";
    /** Printed at the start of each shutdown phase, followed by its name. */
    public static final String PHASE = "FLUX-TCK PHASE ";
    /** Printed when Weld destroys the application's beans. */
    public static final String PREDESTROY = "FLUX-TCK PREDESTROY";

    private TckOutput() {
    }

    public static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
