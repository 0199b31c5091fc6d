package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the duty of one phone depends on.
 *
 * @param on                      the day of registration (chooses the tariff version)
 * @param payer                   a person or an importer
 * @param make                    the make, for people reading the quote
 * @param model                   the model, for people reading the quote
 * @param deviceType              the catalogue's device type (some brackets depend on it), or null
 * @param marketPriceUsd          the model's price in the ministry's catalogue, empty when not listed
 * @param declaredPriceUsd        what the applicant says they paid; shown, never used (the law
 *                                charges by the catalogue's price, not the receipt)
 * @param earlierPersonalImports  the person's earlier personal imports in the same calendar year
 */
public record DutyRequest(LocalDate on, Payer payer, String make, String model, String deviceType,
                          Optional<BigDecimal> marketPriceUsd, Optional<BigDecimal> declaredPriceUsd,
                          int earlierPersonalImports) {

    public DutyRequest {
        if (on == null || payer == null) {
            throw new IllegalArgumentException("a duty request needs a day and a payer");
        }
        marketPriceUsd = marketPriceUsd == null ? Optional.empty() : marketPriceUsd;
        declaredPriceUsd = declaredPriceUsd == null ? Optional.empty() : declaredPriceUsd;
        if (earlierPersonalImports < 0) {
            throw new IllegalArgumentException("earlier personal imports " + earlierPersonalImports + ": 0 or more");
        }
    }
}
