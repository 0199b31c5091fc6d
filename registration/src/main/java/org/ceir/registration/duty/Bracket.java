package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One row of a duty table: the phones whose market price is at most {@code upToUsd} (no limit when
 * null) and, if {@code deviceTypes} is not empty, whose catalogue device type is one of them, pay a
 * fixed {@code amount} or {@code ratePercent} of the market price (converted to the tariff's
 * currency). Brackets are tried in order and the first that fits wins, so a narrower row (e.g.
 * "≤ $100, no camera, video or internet") goes before the general one of the same price.
 *
 * @param upToUsd     the highest market price in US dollars this row takes, or null for any price
 * @param deviceTypes catalogue device types this row is limited to (any case); empty for all
 * @param amount      a fixed duty in the tariff's currency, or null when {@code ratePercent} is set
 * @param ratePercent a duty as a percentage of the market price, or null when {@code amount} is set
 */
public record Bracket(BigDecimal upToUsd, List<String> deviceTypes, BigDecimal amount, BigDecimal ratePercent) {

    public Bracket {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
        if ((amount == null) == (ratePercent == null)) {
            throw new IllegalArgumentException("a bracket has either an amount or a rate-percent, not "
                    + (amount == null ? "neither" : "both"));
        }
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("bracket amount " + amount + ": not negative");
        }
        if (ratePercent != null && (ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("bracket rate-percent " + ratePercent + ": between 0 and 100");
        }
        if (upToUsd != null && upToUsd.signum() <= 0) {
            throw new IllegalArgumentException("bracket up-to-usd " + upToUsd + ": a positive price, or leave it"
                    + " out for the last bracket");
        }
    }

    /** A fixed duty for phones up to a price, of any type. */
    public static Bracket fixed(Integer upToUsd, int amount) {
        return new Bracket(upToUsd == null ? null : BigDecimal.valueOf(upToUsd), List.of(), BigDecimal.valueOf(amount),
                null);
    }

    boolean fits(BigDecimal priceUsd, String deviceType) {
        if (upToUsd != null && priceUsd.compareTo(upToUsd) > 0) {
            return false;
        }
        if (deviceTypes.isEmpty()) {
            return true;
        }
        if (deviceType == null) {
            return false;
        }
        String wanted = deviceType.strip().toLowerCase(Locale.ROOT);
        return deviceTypes.stream().anyMatch(t -> t.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
