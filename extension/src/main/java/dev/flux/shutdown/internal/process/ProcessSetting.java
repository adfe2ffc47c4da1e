package dev.flux.shutdown.internal.process;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * {@value #KEY}: who owns the process. {@code auto} (the default) recognises the application servers that host
 * applications; {@code application} and {@code server} override that guess.
 */
public enum ProcessSetting {

    /** Detect: a known application server means {@link #SERVER}, anything else {@link #APPLICATION}. */
    AUTO,
    /** The application owns the process (Weld SE main, Quarkus, Helidon, Payara Micro, a bootable jar). */
    APPLICATION,
    /** A server hosts the application: the library never ends or halts the process. */
    SERVER;

    public static final String KEY = ConfigKeys.PREFIX + "process";

    public static ProcessSetting read(ConfigReader reader) {
        return reader.choice(KEY, AUTO, ProcessSetting.class);
    }
}
