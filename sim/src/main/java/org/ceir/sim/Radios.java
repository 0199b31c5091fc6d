package org.ceir.sim;

import java.nio.charset.StandardCharsets;

/**
 * Which radio access technologies a phone is seen on in a day, as the {@code rat} column writes
 * them (3GPP RAT Type codes, TS 29.274 §8.17, ascending, pipe-separated). Only what the hardware
 * supports: a 4G phone camps on LTE most days and falls back to 2G or 3G on some (voice fallback,
 * coverage holes); a 5G phone adds NR where there is coverage.
 */
final class Radios {
    // Per generation (index 2..5): the sets and their chances in 65536ths, cumulative.
    private static final byte[][][] SETS = new byte[6][][];
    private static final int[][] CUMULATIVE = new int[6][];

    static {
        define(2, new String[] {"002"}, new double[] {1.0});
        define(3, new String[] {"001", "001|002", "002"}, new double[] {0.55, 0.30, 0.15});
        define(4, new String[] {"006", "002|006", "001|006", "001", "002", "001|002|006"},
                new double[] {0.62, 0.16, 0.12, 0.05, 0.03, 0.02});
        define(5, new String[] {"006|010", "006", "002|006", "001|006", "002|006|010", "010", "001"},
                new double[] {0.38, 0.35, 0.10, 0.07, 0.05, 0.03, 0.02});
    }

    private Radios() {
    }

    private static void define(int generation, String[] sets, double[] chances) {
        SETS[generation] = new byte[sets.length][];
        CUMULATIVE[generation] = new int[sets.length];
        double sum = 0;
        for (int i = 0; i < sets.length; i++) {
            SETS[generation][i] = sets[i].getBytes(StandardCharsets.US_ASCII);
            sum += chances[i];
            CUMULATIVE[generation][i] = i == sets.length - 1 ? 65536 : (int) Math.round(sum * 65536);
        }
    }

    /** The day's RAT list for a phone whose newest radio is {@code generation}, from 16 random bits. */
    static byte[] of(int generation, int bits16) {
        int[] cumulative = CUMULATIVE[generation];
        int i = 0;
        while (bits16 >= cumulative[i]) {
            i++;
        }
        return SETS[generation][i];
    }
}
