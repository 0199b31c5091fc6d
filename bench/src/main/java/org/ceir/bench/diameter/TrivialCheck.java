package org.ceir.bench.diameter;

import java.time.LocalDate;
import java.util.Optional;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;

/**
 * An equipment check that costs next to nothing, so that a Diameter load measures the door and
 * not the engine: the IMEI's 14 digits are read into a key and looked up in an open-addressing
 * table of listed keys (a blacklist). A key ending in 7 is "unknown" (5422), one ending in 5
 * greylisted, so every kind of answer is exercised.
 */
public final class TrivialCheck implements EquipmentCheck {
    private static final int WHITE = Verdict.of(Outcome.WHITELISTED, CheckReason.REGISTERED, 0);
    private static final int BLACK = Verdict.of(Outcome.BLACKLISTED, CheckReason.STOLEN, 0);
    private static final int GREY = Verdict.of(Outcome.GREYLISTED, CheckReason.UNREGISTERED_GRACE, 10);
    private static final int UNKNOWN = Verdict.of(Outcome.UNKNOWN, CheckReason.FIRST_SEEN, 0);
    private static final int MALFORMED = Verdict.of(Outcome.GREYLISTED, CheckReason.MALFORMED_IMEI, 0);

    private final long[] table;
    private final int mask;

    /** Lists every key {@code k} with {@code k % stride == 0} below {@code listed * stride}. */
    public TrivialCheck(int listed, int stride) {
        int size = Integer.highestOneBit(Math.max(2, listed) * 2) * 2;
        table = new long[size];
        mask = size - 1;
        for (long i = 0; i < listed; i++) {
            long key = i * stride;
            int slot = slot(key);
            while (table[slot] != 0) {
                slot = slot + 1 & mask;
            }
            table[slot] = key + 1;
        }
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 32) & mask;
    }

    @Override
    public int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator) {
        if (imei.length() < 14) {
            return MALFORMED;
        }
        long key = 0;
        for (int i = 0; i < 14; i++) {
            int digit = imei.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return MALFORMED;
            }
            key = key * 10 + digit;
        }
        for (int slot = slot(key); table[slot] != 0; slot = slot + 1 & mask) {
            if (table[slot] == key + 1) {
                return BLACK;
            }
        }
        int last = (int) (key % 10);
        return last == 7 ? UNKNOWN : last == 5 ? GREY : WHITE;
    }

    @Override
    public DeviceState describe(long imei) {
        return new DeviceState(imei, false, false, false, true, false, 0, Optional.of(LocalDate.EPOCH),
                Optional.empty());
    }
}
