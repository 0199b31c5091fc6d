package org.ceir.core.identity;

/** The Luhn check digit of an IMEI (TS 23.003 Annex B). */
public final class Luhn {
    private Luhn() {
    }

    /**
     * The check digit for the 14 digits of {@code body} (as a number below 10^14).
     * Digits in even positions from the left (2nd, 4th, …) are doubled, their digits summed.
     */
    public static int checkDigit(long body) {
        int sum = 0;
        long rest = body;
        for (int position = 14; position >= 1; position--) {
            int digit = (int) (rest % 10);
            rest /= 10;
            if (position % 2 == 0) {
                int doubled = digit * 2;
                sum += doubled > 9 ? doubled - 9 : doubled;
            } else {
                sum += digit;
            }
        }
        return (10 - sum % 10) % 10;
    }
}
