package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the duty tariff, in force from {@code effectiveFrom} until the next version starts.
 *
 * @param id             a name people quote, e.g. {@code AZ-2023-12}
 * @param effectiveFrom  the first day it applies (registrations are charged by the day they are made)
 * @param assumption     what is assumed rather than known about this version (e.g. an unconfirmed
 *                       start date), printed with every quote; empty when nothing is
 * @param brackets       the state duty on personal imports by market price, tried in order
 * @param notInCatalogue the flat state duty when the model is not in the price catalogue
 * @param excise         an excise on imported phones, or null when this version has none
 */
public record TariffVersion(String id, LocalDate effectiveFrom, String assumption, List<Bracket> brackets,
                            BigDecimal notInCatalogue, Excise excise) {

    public TariffVersion {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a tariff version needs an id, e.g. AZ-2023-12");
        }
        if (effectiveFrom == null) {
            throw new IllegalArgumentException("tariff " + id + ": effective-from is missing (a date, 2023-12-14)");
        }
        assumption = assumption == null ? "" : assumption.strip();
        if (brackets == null || brackets.isEmpty()) {
            throw new IllegalArgumentException("tariff " + id + ": at least one bracket is needed");
        }
        brackets = List.copyOf(brackets);
        BigDecimal previous = null;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket bracket = brackets.get(i);
            if (bracket.upToUsd() == null && i < brackets.size() - 1) {
                throw new IllegalArgumentException("tariff " + id + ": bracket " + (i + 1)
                        + " has no up-to-usd, so the brackets after it could never apply");
            }
            if (previous != null && bracket.upToUsd() != null && bracket.upToUsd().compareTo(previous) < 0) {
                throw new IllegalArgumentException("tariff " + id + ": bracket " + (i + 1) + " (up to $"
                        + bracket.upToUsd() + ") comes after a higher one (up to $" + previous
                        + "); list brackets from the cheapest");
            }
            if (bracket.upToUsd() != null) {
                previous = bracket.upToUsd();
            }
        }
        if (brackets.get(brackets.size() - 1).upToUsd() != null || !brackets.get(brackets.size() - 1).deviceTypes().isEmpty()) {
            throw new IllegalArgumentException("tariff " + id + ": the last bracket must take every phone"
                    + " (no up-to-usd, no device-types), so that every price has a duty");
        }
        if (notInCatalogue == null || notInCatalogue.signum() < 0) {
            throw new IllegalArgumentException("tariff " + id + ": not-in-catalogue " + notInCatalogue
                    + ": the flat duty for models without a market price, 0 or more");
        }
    }
}
