package org.ceir.detect;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A dimension's parameters as configured, read with the type each needs and a message naming the
 * parameter when it is missing or wrong. Unknown parameters are refused, so a typo is caught.
 */
final class Parameters {
    private final String module;
    private final Map<String, Object> values;
    private final Set<String> read = new HashSet<>();

    Parameters(String module, Map<String, Object> values) {
        this.module = module;
        this.values = values;
    }

    int integer(String name, int fallback, int min) {
        Object value = take(name);
        if (value == null) {
            if (fallback < min) {
                throw missing(name);
            }
            return fallback;
        }
        int parsed;
        try {
            parsed = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? n.intValue() : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw wrong(name, value, "a whole number");
        }
        if (parsed < min) {
            throw wrong(name, value, "a whole number of at least " + min);
        }
        return parsed;
    }

    /** A required number with up to 9 decimals, kept exact (thresholds are compared as fractions). */
    BigDecimal decimal(String name, BigDecimal min) {
        Object value = take(name);
        if (value == null) {
            throw missing(name);
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(value.toString().strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw wrong(name, value, "a number");
        }
        if (parsed.compareTo(min) < 0 || parsed.scale() > 9) {
            throw wrong(name, value, "a number of at least " + min.toPlainString() + " with at most 9 decimals");
        }
        return parsed.scale() < 0 ? parsed.setScale(0) : parsed;
    }

    boolean bool(String name, boolean fallback) {
        Object value = take(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw wrong(name, value, "true or false");
    }

    /** period_days or period_months (or, for dimensions that call it so, lookback_days). */
    Period period(String... dayNames) {
        int days = 0;
        for (String dayName : dayNames) {
            int given = integer(dayName, 0, 0);
            if (given > 0) {
                days = given;
            }
        }
        int months = integer("period_months", 0, 0);
        if ((days > 0) == (months > 0)) {
            throw new IllegalArgumentException(module + ": give exactly one of " + String.join(", ", dayNames)
                    + " and period_months, as a positive number");
        }
        return new Period(days, months);
    }

    /** Throws if a parameter was given that the dimension does not know. */
    void requireAllRead() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException(module + ": unknown parameter '" + name + "'; it takes " + read);
            }
        }
    }

    private Object take(String name) {
        read.add(name);
        return values.get(name);
    }

    private IllegalArgumentException missing(String name) {
        return new IllegalArgumentException(module + ": parameter " + name + " is required");
    }

    private IllegalArgumentException wrong(String name, Object value, String expected) {
        return new IllegalArgumentException(module + ": parameter " + name + " is '" + value + "', expected " + expected);
    }
}
