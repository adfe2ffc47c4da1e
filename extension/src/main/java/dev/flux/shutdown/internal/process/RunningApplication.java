package dev.flux.shutdown.internal.process;

import java.util.Objects;

/**
 * The application as the library sees it at its start: its name, whether it owns the process, and the context its
 * code must run in.
 *
 * @param name      the application's name in a server ({@code java:app/AppName}), else {@code application}
 * @param ownership whether the application owns the process
 * @param context   the application's context, applied around every call of its code from a library thread
 */
public record RunningApplication(String name, ProcessOwnership ownership, ApplicationContext context) {

    public RunningApplication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(context, "context");
    }

    /** Captures the application running on the calling thread, which must be one of its own (its start). */
    public static RunningApplication capture(ProcessSetting setting) {
        return new RunningApplication(ApplicationName.find(), ProcessOwnership.of(setting),
                ApplicationContext.capture());
    }

    public boolean ownsProcess() {
        return ownership.application();
    }

    /** The prefix of log lines that must say which application they are about: empty when it owns the process. */
    public String logLabel() {
        return ownsProcess() ? "" : "[app=" + name + "] ";
    }
}
