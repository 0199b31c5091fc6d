package org.ceir.core.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.ceir.core.identity.InvalidIdentityException.Kind;
import org.ceir.core.identity.InvalidIdentityException.Problem;

/**
 * An International Mobile Equipment Identity (TS 23.003 §6.2): an 8-digit TAC, a 6-digit serial
 * number, and either a Luhn check digit (IMEI, 15 digits) or a 2-digit software version
 * (IMEISV, 16 digits).
 *
 * <p>Everything in ceir is keyed by the 14-digit body, {@link #key()}, which fits a {@code long}.
 * Two ways in, because people and networks make different mistakes:
 * <ul>
 *   <li>{@link #parse} is for what a person types (public check, registration, appeals): a
 *       15th digit must be the right check digit, and every mistake is explained;</li>
 *   <li>{@link #networkKey} is for what a network sends (operator files, S13, N5g-eir): the first
 *       14 digits are the key and a 15th or 16th digit is not judged, because networks often
 *       send a spare {@code 0} or the software version there (TS 22.016).</li>
 * </ul>
 */
public final class Imei {
    /** {@link #networkKey} of a value that has no usable 14-digit body (hex, short, empty). */
    public static final long UNUSABLE = -1L;

    private static final long KEY_LIMIT = 100_000_000_000_000L;

    private final long key;
    private final int checkDigit;
    private final int softwareVersion;

    private Imei(long key, int softwareVersion) {
        this.key = key;
        this.checkDigit = Luhn.checkDigit(key);
        this.softwareVersion = softwareVersion;
    }

    /** The IMEI whose 14-digit body is {@code key}. */
    public static Imei ofKey(long key) {
        if (key < 0 || key >= KEY_LIMIT) {
            throw new IllegalArgumentException("IMEI key out of range: " + key);
        }
        return new Imei(key, -1);
    }

    /**
     * Parses what a person typed: 14 digits, 15 digits with a correct check digit, a 16-digit
     * IMEISV, or the 5G forms {@code imei-…} and {@code imeisv-…} (TS 29.571 Pei). Spaces,
     * dashes, dots and slashes between digits are ignored.
     *
     * @throws InvalidIdentityException with a message that says what is wrong and how to fix it
     */
    public static Imei parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid(input, Problem.EMPTY, "IMEI is empty: dial *#06# on the phone to see it", null);
        }
        String text = input.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("imeisv-")) {
            String digits = text.substring(7);
            requireDigits(input, digits);
            if (digits.length() != 16) {
                throw invalid(input, Problem.LENGTH, "IMEI " + input + ": an imeisv- value has 16 digits, not "
                        + digits.length(), null);
            }
            return new Imei(Long.parseLong(digits.substring(0, 14)), Integer.parseInt(digits.substring(14)));
        }
        if (lower.startsWith("imei-")) {
            String digits = text.substring(5);
            requireDigits(input, digits);
            if (digits.length() != 15) {
                throw invalid(input, Problem.LENGTH, "IMEI " + input + ": an imei- value has 15 digits, not "
                        + digits.length(), null);
            }
            return withCheckDigit(input, digits);
        }
        String digits = stripSeparators(text);
        requireDigits(input, digits);
        switch (digits.length()) {
            case 14:
                return new Imei(Long.parseLong(digits), -1);
            case 15:
                return withCheckDigit(input, digits);
            case 16:
                return new Imei(Long.parseLong(digits.substring(0, 14)), Integer.parseInt(digits.substring(14)));
            default:
                throw invalid(input, Problem.LENGTH, "IMEI " + input + ": " + digits.length()
                        + " digits; an IMEI has 15 (or 14 without the check digit)", null);
        }
    }

    /**
     * The 14-digit key of an IMEI sent by a network, or {@link #UNUSABLE}: the first 14 characters
     * when they are all digits, whatever follows. Never throws and never allocates.
     */
    public static long networkKey(CharSequence value) {
        if (value == null || value.length() < 14) {
            return UNUSABLE;
        }
        long key = 0;
        for (int i = 0; i < 14; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return UNUSABLE;
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }

    private static Imei withCheckDigit(String input, String digits) {
        long key = Long.parseLong(digits.substring(0, 14));
        int given = digits.charAt(14) - '0';
        int expected = Luhn.checkDigit(key);
        if (given != expected) {
            String fixed = digits.substring(0, 14) + expected;
            throw invalid(input, Problem.CHECK_DIGIT, "IMEI " + input + ": check digit should be " + expected
                    + ", not " + given + " (did you mean " + fixed + "?)", fixed);
        }
        return new Imei(key, -1);
    }

    private static String stripSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '\u00a0') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void requireDigits(String input, String digits) {
        if (digits.isEmpty()) {
            throw invalid(input, Problem.EMPTY, "IMEI " + input + ": no digits after the prefix", null);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(input, Problem.NOT_DIGITS, "IMEI " + input + ": only digits are allowed, found '"
                        + c + "' at position " + (i + 1), null);
            }
        }
    }

    private static InvalidIdentityException invalid(String input, Problem problem, String message, String fix) {
        return new InvalidIdentityException(Kind.IMEI, input, problem, message, fix);
    }

    /** The 14-digit body (TAC and serial number) as a number: the key everything is stored by. */
    public long key() {
        return key;
    }

    /** The Type Allocation Code: the first 8 digits, naming the make and model. */
    public Tac tac() {
        return Tac.of((int) (key / 1_000_000L));
    }

    /** The 6-digit serial number the manufacturer gave within the TAC. */
    public int serial() {
        return (int) (key % 1_000_000L);
    }

    /** The Luhn check digit of the body. */
    public int checkDigit() {
        return checkDigit;
    }

    /** The software version number, when the value was an IMEISV. */
    public OptionalInt softwareVersion() {
        return softwareVersion < 0 ? OptionalInt.empty() : OptionalInt.of(softwareVersion);
    }

    /** The 14 digits of the body, zero-padded. */
    public String body() {
        return formatKey(key);
    }

    /** The key as 14 digits, zero-padded; the inverse of {@link #networkKey} for usable keys. */
    public static String formatKey(long key) {
        String digits = Long.toString(key);
        return digits.length() >= 14 ? digits : "0".repeat(14 - digits.length()) + digits;
    }

    /** The IMEISV as 16 digits, when the value was one. */
    public Optional<String> imeisv() {
        return softwareVersion < 0 ? Optional.empty()
                : Optional.of(body() + (softwareVersion < 10 ? "0" : "") + softwareVersion);
    }

    /** The full 15-digit IMEI with its check digit, as printed on the box and shown by *#06#. */
    @Override
    public String toString() {
        return body() + checkDigit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Imei && ((Imei) other).key == key;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key);
    }
}
