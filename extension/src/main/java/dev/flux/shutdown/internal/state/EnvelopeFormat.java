package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Checkpoint} as a JSON document and reads it back, refusing anything that is not a complete
 * envelope of a known format with a matching checksum:
 *
 * <pre>
 * {
 *   "format" : 1,
 *   "name" : "orders",
 *   "beanClass" : "com.acme.Orders",
 *   "written" : "2026-01-31T12:00:00.123456Z",
 *   "checksum" : "sha256:9f86d0...",
 *   "state" : { ...the bean's fields... }
 * }
 * </pre>
 */
public final class EnvelopeFormat {

    static final String FORMAT = "format";
    static final String NAME = "name";
    static final String BEAN_CLASS = "beanClass";
    static final String WRITTEN = "written";
    static final String CHECKSUM = "checksum";
    static final String STATE = "state";

    private static final Set<String> FIELDS = Set.of(FORMAT, NAME, BEAN_CLASS, WRITTEN, CHECKSUM, STATE);
    private static final Pattern SHA_256 = Pattern.compile(Pattern.quote(JsonTrees.CHECKSUM_PREFIX) + "[0-9a-f]{64}");

    private EnvelopeFormat() {
    }

    /** The UTF-8 JSON document of {@code checkpoint}, indented for people who open it. */
    public static byte[] encode(Checkpoint checkpoint) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(FORMAT, checkpoint.format());
        envelope.put(NAME, checkpoint.name());
        envelope.put(BEAN_CLASS, checkpoint.beanClass());
        envelope.put(WRITTEN, checkpoint.written().toString());
        envelope.put(CHECKSUM, checkpoint.checksum());
        envelope.set(STATE, checkpoint.state());
        return JsonTrees.pretty(envelope);
    }

    /**
     * The checkpoint in {@code json}.
     *
     * @throws CorruptCheckpointException if it is not JSON, is incomplete, has a field missing, unknown or of the
     *                                    wrong form, is of another format version, or its checksum does not match
     */
    public static Checkpoint decode(byte[] json) throws CorruptCheckpointException {
        JsonNode root;
        try {
            root = JsonTrees.parse(json);
        } catch (IOException e) {
            throw new CorruptCheckpointException("not a complete JSON document (" + Problems.describe(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new CorruptCheckpointException("not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new CorruptCheckpointException("unknown envelope field '" + field + "'");
            }
        }
        JsonNode format = required(root, FORMAT);
        if (!format.isInt() || format.intValue() != Checkpoint.FORMAT) {
            throw new CorruptCheckpointException("format " + format + " is not supported (this version reads "
                    + Checkpoint.FORMAT + ")");
        }
        String checksum = text(root, CHECKSUM);
        if (!SHA_256.matcher(checksum).matches()) {
            throw new CorruptCheckpointException("checksum '" + checksum + "' is not sha256:<64 hex digits>");
        }
        JsonNode state = required(root, STATE);
        if (!state.isObject()) {
            throw new CorruptCheckpointException("state is not a JSON object");
        }
        Checkpoint checkpoint = new Checkpoint(Checkpoint.FORMAT, text(root, NAME), text(root, BEAN_CLASS),
                instant(root), checksum, state);
        if (!checkpoint.intact()) {
            throw new CorruptCheckpointException("checksum mismatch: the state is not the one that was written");
        }
        return checkpoint;
    }

    private static JsonNode required(JsonNode root, String field) throws CorruptCheckpointException {
        JsonNode value = root.get(field);
        if (value == null) {
            throw new CorruptCheckpointException("envelope field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode root, String field) throws CorruptCheckpointException {
        JsonNode value = required(root, field);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new CorruptCheckpointException("envelope field '" + field + "' is not a non-empty string");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode root) throws CorruptCheckpointException {
        String text = text(root, WRITTEN);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptCheckpointException("envelope field '" + WRITTEN + "' is not an ISO-8601 instant", e);
        }
    }
}
