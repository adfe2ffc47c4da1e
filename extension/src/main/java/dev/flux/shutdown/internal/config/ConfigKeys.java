package dev.flux.shutdown.internal.config;

/**
 * The prefix every key of flux-shutdown's configuration shares, and the keys of the shutdown as a whole; each concern
 * names its own keys under the prefix, in its own config.
 */
public final class ConfigKeys {

    /** {@code flux.shutdown.}: a key is this prefix and a kebab-case name, such as {@code drain.timeout}. */
    public static final String PREFIX = "flux.shutdown.";

    /** {@code flux.shutdown.enabled}: {@code false} turns every behaviour off. */
    public static final String ENABLED = PREFIX + "enabled";
    /** {@code flux.shutdown.signals}: the signals that start a graceful shutdown. */
    public static final String SIGNALS = PREFIX + "signals";
    /** {@code flux.shutdown.readiness-delay}: the time between readiness DOWN and DRAINING. */
    public static final String READINESS_DELAY = PREFIX + "readiness-delay";
    /** {@code flux.shutdown.timeout}: the bound of the whole shutdown. */
    public static final String TIMEOUT = PREFIX + "timeout";
    /** {@code flux.shutdown.exit-code}: the exit code after a complete graceful shutdown. */
    public static final String EXIT_CODE = PREFIX + "exit-code";
    /** {@code flux.shutdown.forced-exit-code}: the exit code when a bound was exceeded. */
    public static final String FORCED_EXIT_CODE = PREFIX + "forced-exit-code";

    private ConfigKeys() {
    }

    /** The full key of a name under the prefix: {@code key("drain.timeout")} is {@code flux.shutdown.drain.timeout}. */
    public static String key(String name) {
        return PREFIX + name;
    }
}
