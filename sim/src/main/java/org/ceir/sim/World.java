package org.ceir.sim;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The simulated country once built: its phones, SIMs and links (per operator), its stolen phones
 * and clone rings, and how many people took part in each scenario. Built once by
 * {@link Population}, then only read (the writers mark which phones they saw).
 */
final class World {
    final Catalogue catalogue;
    final int days;
    final Devices devices = new Devices();
    final Sims sims = new Sims();
    final Links[] links;
    /** Stolen phones and the day (relative to the start; negative before it) each was reported. */
    final IntArrayList stolenDevice = new IntArrayList();
    final IntArrayList stolenReportDay = new IntArrayList();
    /** Clone ring {@code r} (ids from 1) has its donor at device {@code ringFirst[r - 1]} and its copies after it. */
    final IntArrayList ringFirst = new IntArrayList();
    final IntArrayList ringPhones = new IntArrayList();
    /** People per scenario, by {@link Persona} ordinal (roamers are visitors, not subscribers). */
    final long[] people = new long[Persona.values().length];
    int shopSims;

    World(Catalogue catalogue, int days, int operators) {
        this.catalogue = catalogue;
        this.days = days;
        this.links = new Links[operators];
        for (int i = 0; i < operators; i++) {
            links[i] = new Links();
        }
    }

    void freeze() {
        devices.freeze();
        sims.freeze();
        for (Links table : links) {
            table.freeze();
        }
    }

    long linkCount() {
        long count = 0;
        for (Links table : links) {
            count += table.size();
        }
        return count;
    }
}
