package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Moves unusable checkpoint files into the state directory as {@code <file>.corrupt} (or
 * {@code <file>.corrupt-<time>} when that exists), where an operator can look at them: never overwriting an
 * earlier one, never following a link (a link is moved as it is), and never deleted by the store.
 */
final class Quarantine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final Path dir;

    Quarantine(Path dir) {
        this.dir = dir;
    }

    /** Moves {@code file} aside; returns where it went. */
    String moveAside(Path file) throws IOException {
        Path aside = dir.resolve(file.getFileName() + FileCheckpointStore.CORRUPT_SUFFIX);
        for (int attempt = 0;; attempt++) {
            try {
                // without REPLACE_EXISTING: never overwrites an earlier quarantined file
                Files.move(file, aside);
                break;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
                String suffix = FileCheckpointStore.CORRUPT_SUFFIX + "-" + LocalDateTime.now().format(TIME)
                        + (attempt == 0 ? "" : "-" + attempt);
                aside = dir.resolve(file.getFileName() + suffix);
            }
        }
        DurableFiles.force(dir);
        DurableFiles.force(file.getParent());
        return aside.toString();
    }
}
