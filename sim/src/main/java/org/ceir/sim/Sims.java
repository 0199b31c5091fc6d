package org.ceir.sim;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/** Every SIM of the simulation: its IMSI (15 digits) and its number (E.164 digits), as two columns. */
final class Sims {
    private final LongArrayList imsi = new LongArrayList();
    private final LongArrayList msisdn = new LongArrayList();

    int add(long imsiValue, long msisdnValue) {
        imsi.add(imsiValue);
        msisdn.add(msisdnValue);
        return imsi.size() - 1;
    }

    void freeze() {
        imsi.trim();
        msisdn.trim();
    }

    int size() {
        return imsi.size();
    }

    long imsi(int sim) {
        return imsi.getLong(sim);
    }

    long msisdn(int sim) {
        return msisdn.getLong(sim);
    }

    long[] imsis() {
        return imsi.elements();
    }

    long[] msisdns() {
        return msisdn.elements();
    }
}
