package org.ceir.ingest;

import java.util.Locale;

import org.ceir.core.network.Rat;

/**
 * A TAC's radio technologies from the catalogue's free-text {@code Bands} and
 * {@code Radio_Interface} ("GSM 900,WCDMA FDD Band I,LTE FDD Band 3,NR Band n78", "GSM,LTE"), as a
 * {@link Rat} bitmask: GSM/GPRS/EDGE → GERAN, WCDMA/UMTS/HSPA → UTRAN, LTE → EUTRAN, NR/5G → NR.
 */
final class TacRadios {
    private TacRadios() {
    }

    static int bitmask(String... texts) {
        int mask = 0;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : text.toUpperCase(Locale.ROOT).split("[^A-Z0-9+]+")) {
                mask |= bit(word);
            }
        }
        return mask;
    }

    private static int bit(String word) {
        switch (word) {
            case "GSM":
            case "GPRS":
            case "EDGE":
                return Rat.GERAN.bit();
            case "WCDMA":
            case "UMTS":
            case "HSPA":
            case "HSPA+":
            case "HSDPA":
            case "HSUPA":
                return Rat.UTRAN.bit();
            case "LTE":
                return Rat.EUTRAN.bit();
            case "NR":
            case "5G":
                return Rat.NR.bit();
            default:
                return 0;
        }
    }
}
