package org.ceir.eir;

import it.unimi.dsi.fastutil.ints.Int2ByteOpenHashMap;

/**
 * The GSMA TAC catalogue as the policy needs it: which TACs are allocated and which belong to an
 * exempt device type. Built whole and never changed afterwards, so it is published by replacing
 * the reference and read by any thread without locks (fastutil's map is safe for readers once no
 * one writes to it).
 */
final class TacCatalogue {
    static final TacCatalogue EMPTY = new TacCatalogue(new Int2ByteOpenHashMap());

    /** {@link #lookup} of a TAC that is not in the catalogue. */
    static final int ABSENT = 0;
    static final int ALLOCATED = 1;
    static final int EXEMPT_TYPE = 2;

    private final Int2ByteOpenHashMap tacs;

    private TacCatalogue(Int2ByteOpenHashMap tacs) {
        this.tacs = tacs;
    }

    /** Whether a catalogue is loaded at all; without one, TACs are not judged. */
    boolean loaded() {
        return !tacs.isEmpty();
    }

    /** ALLOCATED, with EXEMPT_TYPE when its device type is exempt; ABSENT when not in the catalogue. */
    int lookup(int tac) {
        return tacs.get(tac);
    }

    int size() {
        return tacs.size();
    }

    /** Collects a catalogue row by row, then {@link #build()}s it. */
    static final class Builder {
        private final Int2ByteOpenHashMap tacs = new Int2ByteOpenHashMap();

        Builder add(int tac, boolean exemptType) {
            tacs.put(tac, (byte) (ALLOCATED | (exemptType ? EXEMPT_TYPE : 0)));
            return this;
        }

        TacCatalogue build() {
            tacs.trim();
            return new TacCatalogue(tacs);
        }
    }
}
