package dev.flux.shutdown.internal.process;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The name a server gives the application ({@code java:app/AppName}: the WAR's name without {@code .war}), so
 * that the log lines and the MBean of several applications in one server can be told apart.
 */
final class ApplicationName {

    static final String UNNAMED = "application";

    private ApplicationName() {
    }

    /** Looks the name up on the calling thread, which must be one of the application's; "application" if none. */
    static String find() {
        try {
            Object name = new InitialContext().lookup("java:app/AppName");
            return name instanceof String text && !text.isBlank() ? text : UNNAMED;
        } catch (NamingException | RuntimeException | LinkageError e) {
            return UNNAMED;
        }
    }
}
