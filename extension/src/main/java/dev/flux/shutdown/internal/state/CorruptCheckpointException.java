package dev.flux.shutdown.internal.state;

/**
 * A checkpoint exists but cannot be used: it is not a complete, well-formed envelope, its checksum does not match,
 * or it is not a regular file. The message says which, for the log line that reports moving it aside.
 */
public class CorruptCheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptCheckpointException(String reason) {
        super(reason);
    }

    public CorruptCheckpointException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
