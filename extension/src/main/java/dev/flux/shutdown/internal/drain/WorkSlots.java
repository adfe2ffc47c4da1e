package dev.flux.shutdown.internal.drain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The fast path of the in-flight count: work is counted by occupying a slot, and released by emptying it. Slots come
 * in regions, one per group of threads (by thread id), with padding between regions, so that threads on different
 * cores write different cache lines and a request costs one uncontended compare-and-set to enter and one to leave.
 * Emptying the slot succeeds only for the first release, which makes it the guard of exactly-once release too.
 * A thread tries the first slot of its region, then looks from a random place in it, so that an event loop with many
 * requests in flight finds a free slot in a few tries; it goes on into the next regions when its own is full.
 *
 * <p>The count is the number of occupied slots, which no single read can give exactly while work comes and goes.
 * DRAINING therefore seals the slots: a sealed slot can never be occupied again, and once every slot is sealed the
 * registry's exact count is the whole truth. Only an empty slot can be sealed, so work that holds a slot when
 * DRAINING starts keeps DRAINING open until it leaves.
 */
final class WorkSlots {

    /** Slots per region. */
    static final int REGION = 64;
    /** Regions a thread tries, its own first. */
    private static final int REGIONS_TRIED = 4;
    /** The work one thread can have in flight before it takes the registry's exact path. */
    static final int PER_THREAD = REGION * REGIONS_TRIED;
    /**
     * Unused slots before the first region and after each: 128 bytes or more, so that no cache line (nor the pair of lines
     * that some processors fetch together) holds slots of two regions, or a slot and the objects allocated just
     * before the array, such as the registry's gate that every request reads.
     */
    private static final int PADDING = 32;
    private static final int STRIDE = REGION + PADDING;
    private static final TrackedWork SEALED = new DescribedWork("a sealed slot");

    private final int regionMask;
    private final AtomicReferenceArray<TrackedWork> slots;

    /** @param regions a power of two */
    WorkSlots(int regions) {
        if (regions <= 0 || Integer.bitCount(regions) != 1) {
            throw new IllegalArgumentException("regions must be a power of two, got " + regions);
        }
        this.regionMask = regions - 1;
        this.slots = new AtomicReferenceArray<>(PADDING + regions * STRIDE);
    }

    /** Enough regions that the threads of a busy server seldom share one: four per processor, at least 16. */
    static int regionsFor(int processors) {
        int wanted = Math.max(16, Math.min(1024, processors * 4));
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    /**
     * Counts {@code work} in a free slot of the calling thread's region, or of the regions after it.
     *
     * @return the slot, or -1 if those regions are full or sealed
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is not in Java 17; getId() is the same number
    int occupy(TrackedWork work) {
        int home = (int) Thread.currentThread().getId();
        int usual = start(home & regionMask); // a thread that serves one request at a time always gets this one
        if (slots.get(usual) == null && slots.compareAndSet(usual, null, work)) {
            return usual;
        }
        int offset = ThreadLocalRandom.current().nextInt();
        for (int r = 0; r < REGIONS_TRIED; r++) {
            int first = start((home + r) & regionMask);
            for (int i = 0; i < REGION; i++) {
                int slot = first + ((offset + i) & (REGION - 1));
                if (slots.get(slot) == null && slots.compareAndSet(slot, null, work)) {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** Empties {@code slot} if {@code work} holds it; only the first call for a given work returns {@code true}. */
    boolean vacate(int slot, TrackedWork work) {
        return slots.compareAndSet(slot, work, null);
    }

    /**
     * Seals every empty slot, for DRAINING.
     *
     * @return the slots still held by work, which the drainer seals as that work leaves
     */
    Unsealed sealEmpty() {
        int[] held = new int[16];
        int count = 0;
        for (int region = 0; region <= regionMask; region++) {
            for (int i = start(region), end = i + REGION; i < end; i++) {
                if (!seal(i)) {
                    if (count == held.length) {
                        held = Arrays.copyOf(held, count * 2);
                    }
                    held[count++] = i;
                }
            }
        }
        return new Unsealed(held, count);
    }

    private boolean seal(int slot) {
        TrackedWork held = slots.get(slot);
        return held == SEALED || held == null && slots.compareAndSet(slot, null, SEALED);
    }

    /**
     * The slots that work held when DRAINING started; the drainer looks at these alone after each release, so the
     * end of DRAINING does not wait for a scan of every slot. Used by the drainer's thread only.
     */
    final class Unsealed {

        private final int[] held;
        private int count;

        private Unsealed(int[] held, int count) {
            this.held = held;
            this.count = count;
        }

        /** Seals those of the slots that are empty now; whether every slot is sealed. */
        boolean sealEmpty() {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (!seal(held[k])) {
                    held[kept++] = held[k];
                }
            }
            count = kept;
            return count == 0;
        }
    }

    /** The work holding slots now; exact only when nothing enters or leaves meanwhile (readiness data). */
    int occupied() {
        int count = 0;
        for (int region = 0; region <= regionMask; region++) {
            for (int i = start(region), end = i + REGION; i < end; i++) {
                TrackedWork held = slots.get(i);
                if (held != null && held != SEALED) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The work holding slots now. */
    List<TrackedWork> holders() {
        List<TrackedWork> all = new ArrayList<>();
        for (int region = 0; region <= regionMask; region++) {
            for (int i = start(region), end = i + REGION; i < end; i++) {
                TrackedWork held = slots.get(i);
                if (held != null && held != SEALED) {
                    all.add(held);
                }
            }
        }
        return all;
    }

    private static int start(int region) {
        return PADDING + region * STRIDE;
    }
}
