package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a duty computation as the applicant sees it.
 *
 * <p>{@code item} and {@code basis} are the line in English (the CLI and the audit log print
 * them); {@code code} and {@code args} say the same as data, so that a page in Azerbaijani or
 * Russian can word it itself: the code names the rule that made the line and the args are its
 * figures, already formatted, in the order listed for each code below.
 *
 * <ul>
 *   <li>{@code price.catalogue} — phone, market price in USD, in the tariff's currency, rate</li>
 *   <li>{@code price.given} — price in USD, in the tariff's currency, rate</li>
 *   <li>{@code price.unlisted} — phone</li>
 *   <li>{@code declared} — declared price in USD</li>
 *   <li>{@code duty.bracket} — bracket's lower bound in USD (empty: none), upper bound (empty:
 *       none), device types (empty: all)</li>
 *   <li>{@code duty.rate} — the same three, the rate in percent, the price in the tariff's currency</li>
 *   <li>{@code duty.unlisted}, {@code duty.importer}, {@code excise.importer} — none</li>
 *   <li>{@code excise.exempt}, {@code excise.beyond} — the import's number in the year, the year,
 *       imports a year that are exempt</li>
 *   <li>{@code batch.model} — phones, duty per phone (the item is the model)</li>
 * </ul>
 *
 * @param item   what the line is ("market price", "state duty", "excise")
 * @param basis  how it was reached, in words and figures
 * @param amount what it adds to the total, or null for a line that only explains
 * @param code   the rule that made the line, or null for lines stored before codes existed
 * @param args   the figures {@code code} is worded with
 */
public record DutyLine(String item, String basis, BigDecimal amount, String code, List<String> args) {

    public DutyLine {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A line without a code: worded in English only. */
    public DutyLine(String item, String basis, BigDecimal amount) {
        this(item, basis, amount, null, List.of());
    }
}
