package org.ceir.sim;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.shorts.ShortArrayList;

/**
 * Every phone of the simulation, as columns of primitives (about 16 bytes a phone, so 10 million
 * subscribers fit comfortably). A phone's IMEI body is {@link #key}; a dual-SIM phone with an IMEI
 * per slot has {@code key + 1} as its second. A cloned phone has its donor's key and its own
 * hardware model, which is what its radios follow.
 */
final class Devices {
    /** How the phone sends its IMEI: the Luhn digit, a spare 0, or an IMEISV ({@code IMEISV + svn}). */
    static final byte LUHN = 0;
    static final byte SPARE_ZERO = 1;
    static final byte IMEISV = 2;

    private static final byte REGISTERED = 1;
    private static final Persona[] PERSONAS = Persona.values();

    private final LongArrayList key = new LongArrayList();
    private final ShortArrayList model = new ShortArrayList();
    private final ByteArrayList format = new ByteArrayList();
    private final ByteArrayList persona = new ByteArrayList();
    private final ByteArrayList flags = new ByteArrayList();
    private final IntArrayList ring = new IntArrayList();
    private byte[] seenSlot1;
    private byte[] seenSlot2;

    int add(long imeiKey, int hardwareModel, byte imeiFormat, Persona owner, boolean registered, int ringId) {
        key.add(imeiKey);
        model.add((short) hardwareModel);
        format.add(imeiFormat);
        persona.add((byte) owner.ordinal());
        flags.add(registered ? REGISTERED : 0);
        ring.add(ringId);
        return key.size() - 1;
    }

    /** Ends the building; from here on the columns are read-only and {@link #markSeen} is allowed. */
    void freeze() {
        key.trim();
        model.trim();
        format.trim();
        persona.trim();
        flags.trim();
        ring.trim();
        seenSlot1 = new byte[size()];
        seenSlot2 = new byte[size()];
    }

    int size() {
        return key.size();
    }

    long key(int device) {
        return key.getLong(device);
    }

    int model(int device) {
        return model.getShort(device);
    }

    byte format(int device) {
        return format.getByte(device);
    }

    Persona persona(int device) {
        return PERSONAS[persona.getByte(device)];
    }

    boolean registered(int device) {
        return (flags.getByte(device) & REGISTERED) != 0;
    }

    /** The clone ring the phone belongs to (donor or copy), or -1. */
    int ring(int device) {
        return ring.getInt(device);
    }

    /**
     * Records that the phone's IMEI in slot 0 or 1 appeared in a file. Writer threads only ever
     * store 1, and a byte is written without touching its neighbours (JLS §17.6), so two threads
     * marking phones at once lose nothing; the executor's completion publishes the marks.
     */
    void markSeen(int device, int slot) {
        (slot == 0 ? seenSlot1 : seenSlot2)[device] = 1;
    }

    boolean seen(int device, int slot) {
        return (slot == 0 ? seenSlot1 : seenSlot2)[device] != 0;
    }

    /** Direct column access for the writers' inner loop. */
    long[] keys() {
        return key.elements();
    }

    short[] models() {
        return model.elements();
    }

    byte[] formats() {
        return format.elements();
    }
}
