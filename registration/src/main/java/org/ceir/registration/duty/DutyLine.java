package org.ceir.registration.duty;

import java.math.BigDecimal;

/**
 * One line of a duty computation as the applicant sees it.
 *
 * @param item   what the line is ("market price", "state duty", "excise")
 * @param basis  how it was reached, in words and figures
 * @param amount what it adds to the total, or null for a line that only explains
 */
public record DutyLine(String item, String basis, BigDecimal amount) {
}
