package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.junit.jupiter.api.Test;

class FirstSightingsTest {

    @Test
    void drain_handsOverEachOfferedImeiOnce() {
        FirstSightings sightings = new FirstSightings(64);
        sightings.offer(5);
        sightings.offer(5);
        sightings.offer(0);
        LongOpenHashSet drained = new LongOpenHashSet();
        assertThat(sightings.drain(drained::add)).isEqualTo(2);
        assertThat(drained).containsExactlyInAnyOrder(0L, 5L);
        assertThat(sightings.drain(drained::add)).isZero();
    }

    @Test
    void offer_whenFullDropsAndCounts() {
        FirstSightings sightings = new FirstSightings(64);
        int accepted = 0;
        for (long imei = 0; imei < 1_000; imei++) {
            if (sightings.offer(imei)) {
                accepted++;
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(64);
        assertThat(sightings.dropped()).isEqualTo(1_000 - accepted);
        assertThat(sightings.drain(imei -> { })).isEqualTo(accepted);
    }

    /** Producers on several threads and one draining thread: every offer that was accepted is drained. */
    @Test
    void drain_concurrentWithOffersLosesNothingAccepted() throws Exception {
        FirstSightings sightings = new FirstSightings(1 << 12);
        int producers = 4;
        int perProducer = 50_000;
        LongOpenHashSet accepted = new LongOpenHashSet();
        List<LongOpenHashSet> acceptedBy = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            LongOpenHashSet mine = new LongOpenHashSet();
            acceptedBy.add(mine);
            long base = p * 1_000_000L;
            new Thread(() -> {
                for (long i = 0; i < perProducer; i++) {
                    while (!sightings.offer(base + i)) {
                        Thread.onSpinWait(); // full: the drainer makes room
                    }
                    mine.add(base + i);
                }
                finished.countDown();
            }).start();
        }
        LongOpenHashSet drained = new LongOpenHashSet();
        while (finished.getCount() > 0) {
            sightings.drain(drained::add);
        }
        sightings.drain(drained::add);
        acceptedBy.forEach(accepted::addAll);
        assertThat(accepted).hasSize(producers * perProducer);
        assertThat(drained).isEqualTo(accepted);
    }
}
