package org.ceir.core.identity;

import org.ceir.core.identity.InvalidIdentityException.Kind;
import org.ceir.core.identity.InvalidIdentityException.Problem;

/**
 * An International Mobile Subscriber Identity (TS 23.003 §2.2): MCC (3 digits), MNC (2 or 3,
 * which the digits alone cannot tell: see {@link org.ceir.core.country.NumberingPlan}) and the
 * subscriber number; 6 to 15 digits in all.
 */
public record Imsi(String digits) {
    public Imsi {
        if (digits == null || digits.length() < 6 || digits.length() > 15 || !allDigits(digits)) {
            throw new IllegalArgumentException("not an IMSI: " + digits);
        }
    }

    /** Parses what a person or a file gives; accepts the 5G form {@code imsi-…} (TS 29.571 Supi). */
    public static Imsi parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityException(Kind.IMSI, input, Problem.EMPTY, "IMSI is empty", null);
        }
        String text = input.strip();
        if (text.regionMatches(true, 0, "imsi-", 0, 5)) {
            text = text.substring(5);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentityException(Kind.IMSI, input, Problem.NOT_DIGITS, "IMSI " + input
                        + ": only digits are allowed, found '" + c + "' at position " + (i + 1), null);
            }
        }
        if (text.length() < 6 || text.length() > 15) {
            throw new InvalidIdentityException(Kind.IMSI, input, Problem.LENGTH, "IMSI " + input + ": "
                    + text.length() + " digits; an IMSI has 6 to 15 (usually 15)", null);
        }
        return new Imsi(text);
    }

    /** The Mobile Country Code: the first three digits. */
    public String mcc() {
        return digits.substring(0, 3);
    }

    /**
     * The IMSI as a number that keeps its length (leading zeros are significant):
     * {@code length × 10^15 + value}. Used as a primitive key in memory.
     */
    public long key() {
        return key(digits);
    }

    /** {@link #key()} of a digit string of 1 to 15 digits, or -1 when it is not one. Never allocates. */
    public static long key(CharSequence digits) {
        int length = digits == null ? 0 : digits.length();
        if (length == 0 || length > 15) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return length * 1_000_000_000_000_000L + value;
    }

    /** The digits of a {@link #key(CharSequence)}. */
    public static String digitsOfKey(long key) {
        int length = (int) (key / 1_000_000_000_000_000L);
        String value = Long.toString(key % 1_000_000_000_000_000L);
        return "0".repeat(Math.max(0, length - value.length())) + value;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return digits;
    }
}
