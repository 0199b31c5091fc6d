package org.ceir.registration;

import java.security.SecureRandom;

/**
 * References people read out and type (at a payment terminal, to a clerk): a letter for what it
 * names, a dash and 8 characters of Crockford's base32, which has no I, L, O or U to mistake.
 */
final class References {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    /** e.g. {@code R-7K2M9QXD}: 40 random bits, so a reference cannot be guessed from another. */
    static String next(char prefix) {
        char[] out = new char[10];
        out[0] = prefix;
        out[1] = '-';
        for (int i = 2; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** A typed reference as stored: upper case, no spaces. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
