package dev.flux.shutdown.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest envelope of every persistent name: the usable ones of the set loaded at start-up, then those of each
 * committed set. A bean that is not alive when a checkpoint is taken (created lazily, or never in this run) keeps
 * its envelope in every later set, so a set always holds every bean, not only the ones that ran.
 */
public final class LatestCheckpoints {

    private final Map<String, Envelope> byName = new LinkedHashMap<>();
    private long sequence;

    /** The envelope of {@code name} in the newest set. */
    public synchronized Optional<Envelope> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The sequence number of the newest set ({@code 0}: none, or per-bean files of an earlier version). */
    public synchronized long sequence() {
        return sequence;
    }

    /** Takes the usable envelopes of the set loaded at start-up. */
    synchronized void loaded(long loadedSequence, Collection<Envelope> usable) {
        sequence = loadedSequence;
        byName.clear();
        usable.forEach(envelope -> byName.put(envelope.name(), envelope));
    }

    /** Leaves {@code name} out of later sets (its envelope was moved aside). */
    synchronized void forget(String name) {
        byName.remove(name);
    }

    /** The envelopes of names that are not in {@code captured}, to be carried into the next set. */
    synchronized List<Envelope> carried(Collection<String> captured) {
        List<Envelope> carried = new ArrayList<>();
        byName.forEach((name, envelope) -> {
            if (!captured.contains(name)) {
                carried.add(envelope);
            }
        });
        return carried;
    }

    /** Records the set just committed as the newest. */
    synchronized void committed(long committedSequence, List<Envelope> set) {
        sequence = committedSequence;
        byName.clear();
        set.forEach(envelope -> byName.put(envelope.name(), envelope));
    }
}
