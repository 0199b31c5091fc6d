package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The duty of one phone, computed line by line.
 *
 * @param tariffVersion the version applied
 * @param effectiveFrom when that version began
 * @param assumption    what that version assumes (empty when nothing)
 * @param currency      the currency of every amount
 * @param lines         the computation, in order
 * @param total         the sum of the lines' amounts
 */
public record DutyQuote(String tariffVersion, LocalDate effectiveFrom, String assumption, String currency,
                        List<DutyLine> lines, BigDecimal total) {

    public DutyQuote {
        lines = List.copyOf(lines);
    }

    /** The computation as text, one line each, ending with the total. */
    public List<String> render() {
        List<String> out = new ArrayList<>();
        out.add("tariff " + tariffVersion + " (in force from " + effectiveFrom + ")");
        if (!assumption.isEmpty()) {
            out.add("  assumption: " + assumption);
        }
        for (DutyLine line : lines) {
            out.add(String.format("  %-14s %-62s %s", line.item(), line.basis(),
                    line.amount() == null ? "" : Money.format(line.amount(), currency)));
        }
        out.add(String.format("  %-14s %-62s %s", "total", "", Money.format(total, currency)));
        return out;
    }
}
