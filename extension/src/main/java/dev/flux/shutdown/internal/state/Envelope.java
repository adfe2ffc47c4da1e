package dev.flux.shutdown.internal.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The stored bytes of one bean's checkpoint in a set, as a store commits and loads them: the store never looks
 * inside them; the library encodes and decodes them with {@link EnvelopeFormat}.
 *
 * @param name    the persistent name
 * @param bytes   the envelope's bytes (not copied: nobody changes them after encoding)
 * @param problem set by a store that already knows the bytes are unusable (a file that does not match the
 *                manifest), so the library quarantines the entry without decoding it
 */
public record Envelope(String name, byte[] bytes, Optional<String> problem) {

    public Envelope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(problem, "problem");
    }

    /** The encoded form of {@code checkpoint}. */
    public static Envelope of(Checkpoint checkpoint) {
        return new Envelope(checkpoint.name(), EnvelopeFormat.encode(checkpoint), Optional.empty());
    }

    /** Stored bytes, as loaded. */
    public static Envelope stored(String name, byte[] bytes) {
        return new Envelope(name, bytes, Optional.empty());
    }

    /** Stored bytes that the store found unusable, for the reason given. */
    public static Envelope unusable(String name, byte[] bytes, String problem) {
        return new Envelope(name, bytes, Optional.of(problem));
    }

    /**
     * The checkpoint in these bytes, checked to be complete, intact and written under this name.
     *
     * @throws CorruptCheckpointException saying why it cannot be used
     */
    public Checkpoint decode() throws CorruptCheckpointException {
        if (problem.isPresent()) {
            throw new CorruptCheckpointException(problem.get());
        }
        Checkpoint checkpoint = EnvelopeFormat.decode(bytes);
        if (!checkpoint.name().equals(name)) {
            throw new CorruptCheckpointException("it was written for the name '" + checkpoint.name() + "'");
        }
        return checkpoint;
    }
}
