package dev.flux.shutdown.runtime.config;

/** The prefix every key of flux-shutdown's configuration shares; each concern names its own keys under it. */
public final class ConfigKeys {

    /** {@code flux.shutdown.}: a key is this prefix and a kebab-case name, such as {@code drain.timeout}. */
    public static final String PREFIX = "flux.shutdown.";

    private ConfigKeys() {
    }

    /** The full key of a name under the prefix: {@code key("drain.timeout")} is {@code flux.shutdown.drain.timeout}. */
    public static String key(String name) {
        return PREFIX + name;
    }
}
