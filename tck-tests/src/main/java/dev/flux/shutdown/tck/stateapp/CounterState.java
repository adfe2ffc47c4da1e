package dev.flux.shutdown.tck.stateapp;

/**
 * The state that the crash test checkpoints: a counter and a payload derived from it, large enough that a kill
 * often lands in the middle of writing it, and checkable, so that a torn write could not pass for a valid one.
 */
public final class CounterState {

    private static final int PAYLOAD_LINES = 2000;

    private long value;
    private String payload;

    CounterState() {
    }

    public CounterState(long value) {
        this.value = value;
        this.payload = payloadOf(value);
    }

    public long value() {
        return value;
    }

    /** Whether the payload is the one that belongs to the value. */
    public boolean consistent() {
        return payloadOf(value).equals(payload);
    }

    private static String payloadOf(long value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PAYLOAD_LINES; i++) {
            text.append(value).append(':').append(i).append(';');
        }
        return text.toString();
    }
}
