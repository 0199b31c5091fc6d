package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class PairingSetTest {
    private static final long IMEI = 35209900176148L;
    private static final long SIM_A = Policy.imsiKey("400011234567890");
    private static final long SIM_B = Policy.imsiKey("400021234567890");

    @Test
    void contains_onlyTheExactPair() {
        PairingSet set = new PairingSet(4);
        set.add(IMEI, SIM_A);
        assertThat(set.contains(IMEI, SIM_A)).isTrue();
        assertThat(set.contains(IMEI, SIM_B)).isFalse();
        assertThat(set.contains(IMEI + 1, SIM_A)).isFalse();
    }

    @Test
    void add_twiceKeepsOne() {
        PairingSet set = new PairingSet(4);
        assertThat(set.add(IMEI, SIM_A)).isTrue();
        assertThat(set.add(IMEI, SIM_A)).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void remove_liftsThePairAndOnlyIt() {
        PairingSet set = new PairingSet(4);
        set.add(IMEI, SIM_A);
        set.add(IMEI, SIM_B);
        assertThat(set.remove(IMEI, SIM_A)).isTrue();
        assertThat(set.remove(IMEI, SIM_A)).isFalse();
        assertThat(set.contains(IMEI, SIM_A)).isFalse();
        assertThat(set.contains(IMEI, SIM_B)).isTrue();
        assertThat(set.add(IMEI, SIM_A)).as("paired again after removal").isTrue();
        assertThat(set.contains(IMEI, SIM_A)).isTrue();
    }

    @Test
    void msisdnAndImsiWithTheSameDigitsAreDifferentSims() {
        PairingSet set = new PairingSet(4);
        set.add(IMEI, Policy.msisdnKey("994501234567"));
        assertThat(set.contains(IMEI, Policy.msisdnKey("+994501234567"))).isTrue();
        assertThat(set.contains(IMEI, Policy.imsiKey("994501234567"))).isFalse();
    }

    /** Many adds and removes, with rebuilds that drop tombstones, agree with a plain HashSet. */
    @Test
    void addAndRemove_randomSequenceAgreesWithAHashSet() {
        PairingSet set = new PairingSet(4);
        Set<List<Long>> model = new HashSet<>();
        Random random = new Random(5);
        for (int step = 0; step < 200_000; step++) {
            long imei = random.nextInt(500);
            long sim = random.nextInt(50);
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(imei, sim)).isEqualTo(model.remove(List.of(imei, sim)));
            } else {
                assertThat(set.add(imei, sim)).isEqualTo(model.add(List.of(imei, sim)));
            }
        }
        assertThat(set.size()).isEqualTo(model.size());
        for (long imei = 0; imei < 500; imei++) {
            for (long sim = 0; sim < 50; sim++) {
                assertThat(set.contains(imei, sim)).isEqualTo(model.contains(List.of(imei, sim)));
            }
        }
    }

    /**
     * While the writer adds, removes and re-adds pairs (rebuilding the set many times), a pair that
     * is never touched is always found and a pair that never existed never is.
     */
    @Test
    void contains_concurrentWithChurnSeesStablePairsAndNoPhantoms() throws Exception {
        PairingSet set = new PairingSet(4);
        int stable = 1_000;
        for (long imei = 0; imei < stable; imei++) {
            set.add(imei, imei * 3);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!done.get() && failure.get() == null) {
                    long imei = random.nextLong(stable);
                    if (!set.contains(imei, imei * 3)) {
                        failure.set("stable pair of " + imei + " not found");
                    }
                    // Churned pairs use SIMs 1..999 with IMEI 1,000,000+; SIM 0 is never paired with them.
                    if (set.contains(1_000_000 + random.nextLong(1_000), 0)) {
                        failure.set("a pair that never existed was found");
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        Random random = new Random(11);
        for (int round = 0; round < 300_000; round++) {
            long imei = 1_000_000 + random.nextInt(1_000);
            long sim = 1 + random.nextInt(999);
            if (!set.add(imei, sim)) {
                set.remove(imei, sim);
            }
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
    }
}
