package org.ceir.sim;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.chars.CharArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.shorts.ShortArrayList;

/**
 * One operator's links: a SIM in a phone's slot from a first to a last day, used each of those days
 * with a probability. Everything a person does is a set of links, and a file row is a link that is
 * active on the file's day, so a row is unique per (day, IMEI, IMSI, MSISDN) as long as the links
 * of one phone and SIM never overlap in time; the population builder keeps them apart.
 */
final class Links {
    /** {@link #activity} meaning every day. */
    static final char ALWAYS = Character.MAX_VALUE;

    private final IntArrayList device = new IntArrayList();
    private final IntArrayList sim = new IntArrayList();
    private final ShortArrayList first = new ShortArrayList();
    private final ShortArrayList last = new ShortArrayList();
    private final CharArrayList activity = new CharArrayList();
    private final ByteArrayList slot = new ByteArrayList();

    void add(int deviceIndex, int slotIndex, int simIndex, int firstDay, int lastDay, char chance) {
        device.add(deviceIndex);
        sim.add(simIndex);
        first.add((short) firstDay);
        last.add((short) lastDay);
        activity.add(chance);
        slot.add((byte) slotIndex);
    }

    void freeze() {
        device.trim();
        sim.trim();
        first.trim();
        last.trim();
        activity.trim();
        slot.trim();
    }

    int size() {
        return device.size();
    }

    int[] devices() {
        return device.elements();
    }

    int[] sims() {
        return sim.elements();
    }

    short[] firsts() {
        return first.elements();
    }

    short[] lasts() {
        return last.elements();
    }

    /** The chance of use on a day in its range, in 65536ths; {@link #ALWAYS} is certain. */
    char[] activities() {
        return activity.elements();
    }

    byte[] slots() {
        return slot.elements();
    }
}
