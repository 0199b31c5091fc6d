package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ImeiTableTest {

    @Test
    void get_absentKeyIsZero() {
        ImeiTable table = new ImeiTable(10);
        assertThat(table.get(35209900176148L)).isZero();
        assertThat(table.get(0)).isZero();
    }

    @Test
    void put_thenGetReturnsTheValueAndReplacesIt() {
        ImeiTable table = new ImeiTable(10);
        table.put(35209900176148L, 7);
        table.put(0, 9); // the IMEI 00000000000000 is a key like any other
        assertThat(table.get(35209900176148L)).isEqualTo(7);
        assertThat(table.get(0)).isEqualTo(9);
        table.put(35209900176148L, 11);
        assertThat(table.get(35209900176148L)).isEqualTo(11);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void put_zeroForANewKeyStoresNothing() {
        ImeiTable table = new ImeiTable(10);
        table.put(42, 0);
        assertThat(table.size()).isZero();
    }

    @Test
    void put_negativeKeyIsRefused() {
        assertThatThrownBy(() -> new ImeiTable(10).put(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void put_growsPastItsSizeAndKeepsEveryEntry() {
        ImeiTable table = new ImeiTable(4);
        int before = table.capacity();
        // A whole TAC of consecutive serials: the keys a real register clusters on.
        long tac = 35209900_000000L;
        for (long serial = 0; serial < 200_000; serial++) {
            table.put(tac + serial, serial + 1);
        }
        assertThat(table.capacity()).isGreaterThan(before);
        assertThat(table.size()).isEqualTo(200_000);
        for (long serial = 0; serial < 200_000; serial++) {
            assertThat(table.get(tac + serial)).isEqualTo(serial + 1);
        }
        assertThat(table.get(tac + 200_000)).isZero();
    }

    @Test
    void grow_dropsEntriesWhoseStateIsNothing() {
        ImeiTable table = new ImeiTable(4);
        table.put(1, 5);
        table.put(1, 0);
        for (long key = 100; key < 200; key++) {
            table.put(key, 1);
        }
        assertThat(table.size()).isEqualTo(100);
        assertThat(table.get(1)).isZero();
    }

    @Test
    void capacity_keepsEveryListedImeiUnderFortyBytes() {
        for (long keys : new long[] {1_000, 6_300_000, 10_000_000, 12_500_000}) {
            int capacity = ImeiTable.capacityFor(keys);
            assertThat(16.0 * capacity / keys).as("bytes per IMEI for %d keys", keys).isLessThan(40);
        }
    }

    @Test
    void forEach_visitsEveryEntry() {
        ImeiTable table = new ImeiTable(10);
        table.put(3, 30);
        table.put(4, 40);
        List<String> seen = new ArrayList<>();
        table.forEach((key, value) -> seen.add(key + "=" + value));
        assertThat(seen).containsExactlyInAnyOrder("3=30", "4=40");
    }

    /**
     * Readers never see a key without its value, nor lose a key once inserted, while the writer
     * inserts, updates and grows the table under them.
     */
    @Test
    void get_concurrentWithInsertsUpdatesAndGrowthNeverMissesOrTears() throws Exception {
        ImeiTable table = new ImeiTable(16);
        int keys = 400_000;
        AtomicLong published = new AtomicLong(); // keys below this are in the table
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!done.get() && failure.get() == null) {
                    long bound = published.get();
                    if (bound == 0) {
                        continue;
                    }
                    long i = random.nextLong(bound);
                    long value = table.get(key(i));
                    // The writer only ever stores first(i) and then second(i) for key i.
                    if (value != first(i) && value != second(i)) {
                        failure.set("key " + key(i) + " read " + value + ", expected " + first(i) + " or " + second(i));
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (long i = 0; i < keys; i++) {
            table.put(key(i), first(i));
            published.set(i + 1);
            if (i % 3 == 0) {
                long earlier = i / 2;
                table.put(key(earlier), second(earlier));
            }
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(table.size()).isEqualTo(keys);
    }

    private static long key(long i) {
        return 35_000_000_000_000L + i * 7;
    }

    private static long first(long i) {
        return i * 2 + 1;
    }

    private static long second(long i) {
        return i * 2 + 2;
    }
}
