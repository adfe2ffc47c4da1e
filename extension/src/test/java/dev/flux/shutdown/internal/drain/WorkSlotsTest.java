package dev.flux.shutdown.internal.drain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkSlotsTest {

    private final WorkSlots slots = new WorkSlots(16);

    @Test
    void aThreadFillsItsRegionsThenIsTurnedAway() {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < WorkSlots.PER_THREAD; i++) {
            taken.add(slots.occupy(new DescribedWork("w" + i)));
        }

        assertThat(taken).doesNotContain(-1).doesNotHaveDuplicates();
        assertThat(slots.occupy(new DescribedWork("one too many"))).isEqualTo(-1);
        assertThat(slots.occupied()).isEqualTo(WorkSlots.PER_THREAD);
    }

    @Test
    void onlyTheFirstVacateOfAWorkSucceeds() {
        DescribedWork work = new DescribedWork("w");
        int slot = slots.occupy(work);

        assertThat(slots.vacate(slot, work)).isTrue();
        assertThat(slots.vacate(slot, work)).isFalse();
        assertThat(slots.occupied()).isZero();
    }

    @Test
    void aWorkCannotVacateASlotTakenAgainByAnother() {
        DescribedWork first = new DescribedWork("first");
        int slot = slots.occupy(first);
        slots.vacate(slot, first);
        for (int i = 0; i < WorkSlots.PER_THREAD; i++) {
            slots.occupy(new DescribedWork("w" + i)); // every slot of this thread, the one first had among them
        }

        assertThat(slots.vacate(slot, first)).isFalse();
        assertThat(slots.occupied()).isEqualTo(WorkSlots.PER_THREAD);
    }

    @Test
    void sealingWaitsForHeldSlotsAndSealedSlotsStayClosed() {
        DescribedWork held = new DescribedWork("held");
        int slot = slots.occupy(held);

        WorkSlots.Unsealed unsealed = slots.sealEmpty();
        assertThat(unsealed.sealEmpty()).isFalse();
        assertThat(slots.occupy(new DescribedWork("after sealing"))).isEqualTo(-1);
        slots.vacate(slot, held);

        assertThat(unsealed.sealEmpty()).isTrue();
        assertThat(slots.occupy(new DescribedWork("after the last"))).isEqualTo(-1);
        assertThat(slots.occupied()).isZero();
    }

    @Test
    void regionsArePowersOfTwoWithFourPerProcessorAndAtLeastSixteen() {
        assertThat(WorkSlots.regionsFor(1)).isEqualTo(16);
        assertThat(WorkSlots.regionsFor(2)).isEqualTo(16);
        assertThat(WorkSlots.regionsFor(6)).isEqualTo(32);
        assertThat(WorkSlots.regionsFor(64)).isEqualTo(256);
        assertThat(WorkSlots.regionsFor(4096)).isEqualTo(1024);
    }
}
