package dev.flux.shutdown.tck.state.deployment;

/**
 * The state that several test beans share: each {@code @Persistent} subclass has its own checkpoint. Not a bean
 * itself (no bean-defining annotation).
 */
public abstract class Tally {

    private long count;
    private Note note;
    private Object extra;
    private transient long seenAtPostConstruct = -1;

    public synchronized long increment() {
        return ++count;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized Note note() {
        return note;
    }

    public synchronized Object extra() {
        return extra;
    }

    public long seenAtPostConstruct() {
        return seenAtPostConstruct;
    }

    protected void recordPostConstruct() {
        seenAtPostConstruct = count;
    }

    /** A plain nested object. */
    public static final class Note {
        public String text;
    }
}
