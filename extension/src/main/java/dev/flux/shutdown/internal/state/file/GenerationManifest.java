package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The table of contents of one generation ({@value #FILE_NAME}): its sequence number, when it was committed, and
 * for each bean the file that holds its envelope with the SHA-256 and size of that file's bytes. Written last into
 * a generation, so a generation whose manifest is intact lists every file it needs.
 *
 * @param sequence  the generation's number
 * @param committed when the commit began
 * @param entries   one per bean
 */
record GenerationManifest(long sequence, Instant committed, List<Entry> entries) {

    /** The manifest's file name inside a generation directory. */
    static final String FILE_NAME = "MANIFEST";

    /** The manifest format this version writes and reads. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * One bean's file in a generation.
     *
     * @param name   the persistent name
     * @param file   the file name inside the generation directory
     * @param sha256 the hex SHA-256 of the file's bytes
     * @param size   the file's size in bytes
     */
    record Entry(String name, String file, String sha256, long size) {

        Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }

        static Entry of(String name, String file, byte[] bytes) {
            return new Entry(name, file, digest(bytes), bytes.length);
        }

        /** Whether {@code bytes} are the ones this entry was written with. */
        boolean matches(byte[] bytes) {
            return bytes.length == size && sha256.equals(digest(bytes));
        }
    }

    GenerationManifest {
        entries = List.copyOf(entries);
    }

    byte[] encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("sequence", sequence);
        root.put("committed", committed.toString());
        ArrayNode list = root.putArray("entries");
        for (Entry entry : entries) {
            list.addObject().put("name", entry.name()).put("file", entry.file()).put("sha256", entry.sha256())
                    .put("size", entry.size());
        }
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest could not be written", e);
        }
    }

    /**
     * The manifest in {@code bytes}, which must be complete and name only plain files of the generation.
     *
     * @throws IOException saying what is wrong
     */
    static GenerationManifest decode(byte[] bytes) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT) {
            throw new IOException("not a manifest of format " + FORMAT);
        }
        JsonNode list = root.path("entries");
        if (!root.path("sequence").canConvertToExactIntegral() || !list.isArray()) {
            throw new IOException("the manifest lacks its sequence or its entries");
        }
        Instant committed;
        try {
            committed = Instant.parse(root.path("committed").asText());
        } catch (DateTimeParseException e) {
            throw new IOException("the manifest's commit time is not an ISO-8601 instant", e);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode item : list) {
            String name = item.path("name").asText("");
            String file = item.path("file").asText("");
            if (name.isEmpty() || !file.equals(CheckpointFileNames.of(name)) || !names.add(name)
                    || !item.path("sha256").isTextual() || !item.path("size").canConvertToExactIntegral()) {
                throw new IOException("the manifest has an invalid entry: " + item);
            }
            entries.add(new Entry(name, file, item.path("sha256").textValue(), item.path("size").asLong()));
        }
        return new GenerationManifest(root.path("sequence").asLong(), committed, entries);
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}
