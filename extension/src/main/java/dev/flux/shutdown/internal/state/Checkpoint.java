package dev.flux.shutdown.internal.state;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of one checkpoint: which bean it belongs to, when it was written, and the bean's state with a
 * checksum of it. A store keeps and returns the whole envelope, so whoever reads it can tell whether the state is
 * intact and meant for the class at hand.
 *
 * @param format    the envelope's format version, {@value #FORMAT}
 * @param name      the persistent name of the bean
 * @param beanClass the fully qualified name of the bean class that wrote it
 * @param written   when the state was captured
 * @param checksum  {@code sha256:} and the hex SHA-256 of the state's canonical (compact) JSON bytes
 * @param state     the bean's fields as a JSON object
 */
public record Checkpoint(int format, String name, String beanClass, Instant written, String checksum,
        JsonNode state) {

    /** The format version this library writes and reads. */
    public static final int FORMAT = 1;

    public Checkpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(beanClass, "beanClass");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(state, "state");
    }

    /** A new envelope of the current format around {@code state}, with its checksum. */
    public static Checkpoint of(PersistentType type, Instant written, JsonNode state) {
        return new Checkpoint(FORMAT, type.name(), type.beanClass().getName(), written, JsonTrees.checksum(state),
                state);
    }

    /** Whether the checksum matches the state, that is, whether the state is the one that was written. */
    public boolean intact() {
        return checksum.equals(JsonTrees.checksum(state));
    }
}
