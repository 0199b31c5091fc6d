package org.ceir.core.network;

/**
 * Radio access technologies by their 3GPP RAT Type code (TS 29.274 §8.17), as operator files give
 * them (3-digit, pipe-separated, e.g. {@code 006|010}). Sets of them are kept as bitmasks: bit
 * {@code code} set for each RAT.
 */
public enum Rat {
    UTRAN(1, 3),
    GERAN(2, 2),
    WLAN(3, 0),
    GAN(4, 2),
    HSPA_EVOLUTION(5, 3),
    EUTRAN(6, 4),
    VIRTUAL(7, 0),
    EUTRAN_NB_IOT(8, 4),
    LTE_M(9, 4),
    NR(10, 5);

    private final int code;
    private final int generation;

    Rat(int code, int generation) {
        this.code = code;
        this.generation = generation;
    }

    /** The RAT Type value. */
    public int code() {
        return code;
    }

    /** 2, 3, 4 or 5 for the mobile generation; 0 for non-3GPP access (WLAN, virtual). */
    public int generation() {
        return generation;
    }

    /** This RAT's bit in a bitmask. */
    public int bit() {
        return 1 << code;
    }

    /** The RAT with this code. */
    public static Rat ofCode(int code) {
        for (Rat rat : values()) {
            if (rat.code == code) {
                return rat;
            }
        }
        throw new IllegalArgumentException("RAT code " + code + " is not a 3GPP RAT Type (1 to 10, TS 29.274 §8.17)");
    }

    /**
     * The bitmask of a pipe-separated list such as {@code 002|006}; {@code -1} when any part is not
     * a known code (so a caller can count it as unclean). An empty list is 0. Never allocates.
     */
    public static int parseBitmask(CharSequence codes) {
        int mask = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= codes.length(); i++) {
            char c = i < codes.length() ? codes.charAt(i) : '|';
            if (c == '|') {
                if (digits == 0) {
                    if (i < codes.length() || mask != 0) {
                        return -1;
                    }
                    continue;
                }
                if (value < 1 || value > 10) {
                    return -1;
                }
                mask |= 1 << value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                return -1;
            }
        }
        return mask;
    }

    /** True when the mask holds a RAT of the given generation. */
    public static boolean hasGeneration(int mask, int generation) {
        for (Rat rat : values()) {
            if ((mask & rat.bit()) != 0 && rat.generation == generation) {
                return true;
            }
        }
        return false;
    }
}
