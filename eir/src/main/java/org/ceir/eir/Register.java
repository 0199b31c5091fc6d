package org.ceir.eir;

import java.util.Arrays;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * The in-memory register the checks read: each listed IMEI's state, the paired white list and the
 * TAC catalogue. Any thread may read it; only one thread (the engine's writer, or the loader before
 * the engine starts) may change it.
 */
final class Register {
    private static final long[] NO_SIMS = new long[0];

    private final ImeiTable devices;
    private final PairingSet pairings;
    /** Writer side only: the active SIM keys of each IMEI that has any, to tell what a change removed. */
    private final Long2ObjectOpenHashMap<long[]> simsByImei = new Long2ObjectOpenHashMap<>();
    private volatile TacCatalogue catalogue = TacCatalogue.EMPTY;

    Register(long expectedImeis, long expectedPairings) {
        devices = new ImeiTable(expectedImeis);
        pairings = new PairingSet(expectedPairings);
    }

    // --- read side: any thread, never allocates ---

    /** The packed state of an IMEI ({@link DeviceBits}), 0 when nothing is known. */
    long bits(long imei) {
        return devices.get(imei);
    }

    boolean paired(long imei, long sim) {
        return pairings.contains(imei, sim);
    }

    TacCatalogue catalogue() {
        return catalogue;
    }

    // --- write side: the writer thread only ---

    /**
     * Replaces what the database says of one IMEI: its statuses and registration ({@code fresh}, of
     * which a first-seen day only ever moves a sighting earlier) and its active pairings.
     */
    void applyDevice(long imei, long fresh, long[] activeSims) {
        long[] sims = activeSims.length == 0 ? NO_SIMS : distinct(activeSims);
        long[] before = simsByImei.getOrDefault(imei, NO_SIMS);
        for (long sim : sims) {
            pairings.add(imei, sim);
        }
        for (long sim : before) {
            if (Arrays.binarySearch(sims, sim) < 0) {
                pairings.remove(imei, sim);
            }
        }
        if (sims.length == 0) {
            simsByImei.remove(imei);
        } else {
            simsByImei.put(imei, sims);
        }
        long bits = fresh & ~DeviceBits.MSISDN_PAIRING;
        for (long sim : sims) {
            if ((sim & PairingSet.MSISDN) != 0) {
                bits |= DeviceBits.MSISDN_PAIRING;
            }
        }
        bits = DeviceBits.withPairedSims(bits, sims.length);
        devices.put(imei, DeviceBits.refreshed(devices.get(imei), bits));
    }

    /** A first sighting from an operator's data: kept if earlier than the one known. */
    void applyFirstSeen(long imei, int epochDay) {
        long held = devices.get(imei);
        long updated = DeviceBits.withFirstSeen(held, epochDay);
        if (updated != held) {
            devices.put(imei, updated);
        }
    }

    /**
     * A check met an IMEI never seen before: records today as its first sighting. Returns false when
     * it has a sighting already (the same IMEI checked twice before the writer caught up).
     */
    boolean recordSighting(long imei, int today) {
        long held = devices.get(imei);
        if (DeviceBits.has(held, DeviceBits.SEEN)) {
            return false;
        }
        devices.put(imei, DeviceBits.withFirstSeen(held, today));
        return true;
    }

    void replaceCatalogue(TacCatalogue replacement) {
        catalogue = replacement;
    }

    /** Sets the active pairings of one IMEI while loading (each IMEI once), keeping the count in its state. */
    void loadPairings(long imei, long[] activeSims) {
        long[] sims = distinct(activeSims);
        long bits = DeviceBits.withPairedSims(devices.get(imei), sims.length);
        for (long sim : sims) {
            pairings.add(imei, sim);
            if ((sim & PairingSet.MSISDN) != 0) {
                bits |= DeviceBits.MSISDN_PAIRING;
            }
        }
        if (sims.length > 0) {
            simsByImei.put(imei, sims);
            devices.put(imei, bits);
        }
    }

    /** Sets status flags while loading. */
    void loadFlags(long imei, long flags) {
        devices.put(imei, devices.get(imei) | flags);
    }

    int imeis() {
        return devices.size();
    }

    int pairingCount() {
        return pairings.size();
    }

    /** Bytes held by the two tables' slot arrays (the bulk of the register). */
    long tableBytes() {
        return devices.bytes() + pairings.bytes();
    }

    ImeiTable devices() {
        return devices;
    }

    private static long[] distinct(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
