package dev.flux.shutdown.testsupport.powerloss;

/** What a program asks of a {@link ForwardingFileSystem}, as its {@link FileSystemInterceptor} is told. */
public enum FileOperation {
    /** A file opened for reading, a directory opened (to be forced), or an attribute read. */
    READ(false),
    /** A directory's entries listed. */
    LIST(false),
    /** A new file created by opening it. */
    CREATE_FILE(true),
    /** A new directory created. */
    CREATE_DIRECTORY(true),
    /** Bytes written to an open file. */
    WRITE(true),
    /** An open file truncated. */
    TRUNCATE(true),
    /** An open file's bytes (and its own metadata) forced to the device. */
    FORCE_FILE(true),
    /** An open directory's entries (creations, renames, deletions in it) forced to the device. */
    FORCE_DIRECTORY(true),
    /** A file or directory renamed or moved. */
    MOVE(true),
    /** A file or empty directory deleted. */
    DELETE(true),
    /** An attribute (permissions, times) set. */
    SET_ATTRIBUTE(true);

    private final boolean changes;

    FileOperation(boolean changes) {
        this.changes = changes;
    }

    /** Whether the operation changes what is on the device, at once or once forced. */
    public boolean changes() {
        return changes;
    }
}
