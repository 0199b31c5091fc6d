package org.ceir.core.identity;

/**
 * A subscriber's number in E.164 international form (ITU-T E.164): country code and national
 * number, at most 15 digits, kept without the leading {@code +}. National forms are normalised by
 * {@link org.ceir.core.country.NumberingPlan#parseMsisdn}.
 */
public record Msisdn(String digits) {
    public Msisdn {
        if (digits == null || digits.length() < 7 || digits.length() > 15 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not an E.164 number: " + digits);
        }
    }

    /** The number as people write it internationally, e.g. {@code +994501234567}. */
    public String e164() {
        return "+" + digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
