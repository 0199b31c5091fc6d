package org.ceir.appeals;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking numbers people read out, type and mistype: {@code A-} then 8 random characters of
 * Crockford's base32 (no I, L, O or U) and a check character (Luhn mod 32), e.g.
 * {@code A-7K2M9QXD4}. The check character catches every single mistyped character and every swap
 * of two neighbours, so "where is my appeal" says "mistyped" rather than "not found"; 40 random
 * bits keep one applicant from guessing another's number.
 */
final class TrackingNumbers {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int RANDOM_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    static String next() {
        StringBuilder payload = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            payload.append(ALPHABET.charAt(RANDOM.nextInt(N)));
        }
        return "A-" + payload + ALPHABET.charAt(checkValue(payload));
    }

    /**
     * A typed tracking number as stored: upper case, without spaces or extra dashes, Crockford's
     * look-alikes read as digits (O as 0, I and L as 1).
     *
     * @throws AppealException when it is not one or its check character does not match
     */
    static String normalize(String typed) {
        String text = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (text.startsWith("A")) {
            text = text.substring(1);
        }
        text = text.replace('O', '0').replace('I', '1').replace('L', '1');
        if (text.length() != RANDOM_CHARS + 1) {
            throw new AppealException(AppealException.Kind.INVALID, "tracking-form", "tracking number '" + shown(typed)
                    + "': it has the form A-XXXXXXXXX (A, a dash and 9 letters or digits)");
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                throw new AppealException(AppealException.Kind.INVALID, "tracking-form", "tracking number '"
                        + shown(typed) + "': '" + text.charAt(i) + "' is not used in tracking numbers");
            }
        }
        String payload = text.substring(0, RANDOM_CHARS);
        if (ALPHABET.charAt(checkValue(payload)) != text.charAt(RANDOM_CHARS)) {
            throw new AppealException(AppealException.Kind.INVALID, "tracking-mistyped", "tracking number '"
                    + shown(typed) + "' is mistyped (its last character does not match the others): check it on"
                    + " the receipt");
        }
        return "A-" + text;
    }

    /** Luhn mod N over the payload: the value that makes the whole string check out. */
    private static int checkValue(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return (N - sum % N) % N;
    }

    private static String shown(String typed) {
        String text = typed == null ? "" : typed.strip();
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
