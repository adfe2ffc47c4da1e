package dev.flux.shutdown.runtime.drain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The set of work in flight, kept only so that a timed-out DRAINING can say what was still running. It is on the
 * path of every request, so it is a fixed array of slots claimed with one compare-and-set (each claim starts probing
 * at a random place, so event-loop servers that run many requests on one thread spread too), with a concurrent set as overflow when more work is in flight than there are slots.
 */
final class LiveWork {

    private static final int SLOTS = 1024;
    private static final int PROBES = 8;

    private final AtomicReferenceArray<TrackedWork> slots = new AtomicReferenceArray<>(SLOTS);
    private final Set<TrackedWork> overflow = ConcurrentHashMap.newKeySet();

    void add(TrackedWork work) {
        int start = ThreadLocalRandom.current().nextInt() & (SLOTS - 1);
        for (int i = 0; i < PROBES; i++) {
            int index = (start + i) & (SLOTS - 1);
            if (slots.get(index) == null && slots.compareAndSet(index, null, work)) {
                work.slot = index;
                return;
            }
        }
        overflow.add(work);
    }

    /** Removes {@code work}; only the first call for a given work returns {@code true}. */
    boolean remove(TrackedWork work) {
        int slot = work.slot;
        if (slot >= 0) {
            return slots.compareAndSet(slot, work, null);
        }
        return overflow.remove(work);
    }

    List<TrackedWork> snapshot() {
        List<TrackedWork> all = new ArrayList<>(overflow);
        for (int i = 0; i < SLOTS; i++) {
            TrackedWork work = slots.get(i);
            if (work != null) {
                all.add(work);
            }
        }
        return all;
    }
}
