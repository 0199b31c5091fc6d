package org.ceir.core.identity;

import org.ceir.core.identity.InvalidIdentityException.Kind;
import org.ceir.core.identity.InvalidIdentityException.Problem;

/** A Type Allocation Code: the first 8 digits of an IMEI, allocated by the GSMA to a device model. */
public record Tac(int value) {
    public Tac {
        if (value < 0 || value > 99_999_999) {
            throw new IllegalArgumentException("TAC out of range: " + value);
        }
    }

    public static Tac of(int value) {
        return new Tac(value);
    }

    /** Parses exactly 8 digits. */
    public static Tac parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.length() != 8 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidIdentityException(Kind.TAC, input, text.isEmpty() ? Problem.EMPTY : Problem.LENGTH,
                    "TAC " + input + ": a TAC is exactly 8 digits (the start of the IMEI)", null);
        }
        return new Tac(Integer.parseInt(text));
    }

    @Override
    public String toString() {
        String digits = Integer.toString(value);
        return "0".repeat(8 - digits.length()) + digits;
    }
}
