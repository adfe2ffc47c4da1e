package dev.flux.shutdown.internal.state.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a persistent name into a file name that stays inside the state directory whatever the name holds: only
 * letters, digits, {@code .}, {@code _} and {@code -} are kept, a leading dot is replaced (no {@code ..}, no
 * hidden files), and a name that had to be changed gets a short hash of the original, so that two names that
 * sanitize alike still get different files.
 */
public final class CheckpointFileNames {

    /** The suffix of every checkpoint file. */
    public static final String SUFFIX = ".json";

    private static final int MAX_BASE_LENGTH = 120;

    private CheckpointFileNames() {
    }

    /**
     * The file name of the checkpoint of {@code name}: {@code com.acme.Orders.json}, or
     * {@code _.._.._etc_x-56da1a2e.json} for {@code ../../etc/x}.
     */
    public static String of(String name) {
        StringBuilder base = new StringBuilder(Math.min(name.length(), MAX_BASE_LENGTH));
        boolean changed = false;
        for (int i = 0; i < name.length() && base.length() < MAX_BASE_LENGTH; i++) {
            char c = name.charAt(i);
            if (isKept(c)) {
                base.append(c);
            } else {
                base.append('_');
                changed = true;
            }
        }
        if (name.length() > MAX_BASE_LENGTH) {
            changed = true;
        }
        if (base.length() == 0 || base.charAt(0) == '.') {
            base.insert(0, '_');
            changed = true;
        }
        if (changed) {
            base.append('-').append(shortHash(name));
        }
        return base + SUFFIX;
    }

    private static boolean isKept(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                || c == '-';
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
