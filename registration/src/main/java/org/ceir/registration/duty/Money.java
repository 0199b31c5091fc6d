package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Amounts of money: two decimals, half up, as duties are charged. */
public final class Money {
    private Money() {
    }

    /** The amount to the cent. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code 1,445.00 AZN}. */
    public static String format(BigDecimal amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", cents(amount), currency);
    }

    /** {@code $1,000.00}. */
    public static String usd(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", cents(amount));
    }

    /**
     * Parses an amount a person typed (e.g. {@code 70}, {@code 70.00}, {@code 1,445.50}).
     *
     * @throws IllegalArgumentException naming {@code what} when it is not a positive amount
     */
    public static BigDecimal parse(String text, String what) {
        String cleaned = text == null ? "" : text.strip().replace(",", "").replace("$", "");
        try {
            BigDecimal amount = new BigDecimal(cleaned);
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new NumberFormatException();
            }
            return cents(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "': an amount such as 450 or 450.99", e);
        }
    }
}
