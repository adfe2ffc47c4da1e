package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses and writes the JSON trees of checkpoints so that writing a parsed tree and parsing it again gives the same
 * tree: decimals are kept exactly (as {@code BigDecimal}, trailing zeros included), so the canonical bytes of a
 * state, and its checksum, are the same when it is written and when it is read back.
 */
final class JsonTrees {

    /** The checksum algorithm, as it appears at the start of an envelope's checksum. */
    static final String CHECKSUM_PREFIX = "sha256:";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTrees() {
    }

    /** Parses one JSON document; trailing content and duplicate keys are errors. */
    static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The compact UTF-8 form of {@code tree}: what the checksum covers and what a state is read back from. */
    static byte[] canonical(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** The indented form of {@code tree}, for files that people may read. */
    static byte[] pretty(JsonNode tree) {
        try {
            byte[] text = MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
            byte[] withNewline = new byte[text.length + 1];
            System.arraycopy(text, 0, withNewline, 0, text.length);
            withNewline[text.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical bytes of {@code tree}. */
    static String checksum(JsonNode tree) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(tree));
            return CHECKSUM_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
