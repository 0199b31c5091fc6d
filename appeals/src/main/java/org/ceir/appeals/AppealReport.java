package org.ceir.appeals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.OptionalDouble;

import org.ceir.store.Database;

/**
 * The article's table of appeals ("458 appeals: 136 approved as number changes, 319 rejected, 3
 * under investigation") for the appeals received in a period: received (by channel), approved by
 * kind, rejected, pending (by status, and how many are overdue), and the median time from receipt
 * to decision. Outcomes are as of the day it is computed. A linked duplicate is counted apart: it is
 * the same request again and is decided with the appeal it repeats.
 *
 * @param medianDaysToDecision over the period's decided appeals, in days (fractional); empty when none
 */
public record AppealReport(LocalDate from, LocalDate to, LocalDate asOf, long received, long atPostOffice,
                           long online, long approvedNumberChange, long approvedOriginalOwner, long approvedOther,
                           long rejected, long pendingReceived, long pendingUnderReview, long pendingInfoRequested,
                           long overdue, long decided, OptionalDouble medianDaysToDecision, long duplicates) {

    public long approved() {
        return approvedNumberChange + approvedOriginalOwner + approvedOther;
    }

    public long pending() {
        return pendingReceived + pendingUnderReview + pendingInfoRequested;
    }

    /**
     * The table for appeals received from {@code from} to {@code to} (both included, days in {@code zone}),
     * outcomes as of {@code today}. Public for the period report ({@code org.ceir.appeals.report}), which
     * counts appeals exactly as this table does.
     */
    public static AppealReport compute(Database database, ZoneId zone, LocalDate from, LocalDate to, LocalDate today) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new AppealException(AppealException.Kind.INVALID, "the period " + from + " to " + to
                    + " is empty: --from must not be after --to");
        }
        return database.transaction(connection -> {
            String one = " FILTER (WHERE duplicate_of IS NULL AND ";
            try (PreparedStatement query = connection.prepareStatement("SELECT"
                    + " count(*) FILTER (WHERE duplicate_of IS NULL),"
                    + " count(*)" + one + "channel = 'POST_OFFICE'),"
                    + " count(*)" + one + "channel = 'ONLINE'),"
                    + " count(*)" + one + "status = 'APPROVED' AND kind = 'NUMBER_CHANGE'),"
                    + " count(*)" + one + "status = 'APPROVED' AND kind = 'ORIGINAL_OWNER'),"
                    + " count(*)" + one + "status = 'APPROVED' AND kind = 'OTHER'),"
                    + " count(*)" + one + "status = 'REJECTED'),"
                    + " count(*)" + one + "status = 'RECEIVED'),"
                    + " count(*)" + one + "status = 'UNDER_REVIEW'),"
                    + " count(*)" + one + "status = 'INFO_REQUESTED'),"
                    + " count(*)" + one + "status IN ('RECEIVED', 'UNDER_REVIEW') AND due_on < ?),"
                    + " count(*)" + one + "decided_at IS NOT NULL),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at))"
                    + one + "decided_at IS NOT NULL),"
                    + " count(*) FILTER (WHERE duplicate_of IS NOT NULL)"
                    + " FROM appeal WHERE received_at >= ? AND received_at < ?")) {
                query.setObject(1, today);
                query.setObject(2, from.atStartOfDay(zone).toOffsetDateTime());
                query.setObject(3, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    double seconds = row.getDouble(13);
                    OptionalDouble median = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(seconds / 86_400);
                    return new AppealReport(from, to, today, row.getLong(1), row.getLong(2), row.getLong(3),
                            row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8),
                            row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12), median, row.getLong(14));
                }
            }
        });
    }

    /** The table as text, as {@code ceir appeals report} prints it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Appeals received %s to %s (outcomes as of %s)%n%n", from, to, asOf));
        line(out, "received", received, "post office " + atPostOffice + ", online " + online);
        line(out, "approved", approved(), "");
        line(out, "  number change", approvedNumberChange, "");
        line(out, "  original owner", approvedOriginalOwner, "");
        line(out, "  other", approvedOther, "");
        line(out, "rejected", rejected, "");
        line(out, "pending", pending(), "received " + pendingReceived + ", under review " + pendingUnderReview
                + ", information requested " + pendingInfoRequested);
        line(out, "  overdue", overdue, "past the due date, not waiting for the applicant");
        out.append(String.format(Locale.ROOT, "%-28s %s%n", "median time to decision",
                medianDaysToDecision.isPresent() ? String.format(Locale.ROOT, "%.1f days (of %d decided)",
                        medianDaysToDecision.getAsDouble(), decided) : "none decided yet"));
        line(out, "linked duplicates", duplicates, "not counted above: decided with the appeal they repeat");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, long count, String note) {
        out.append(String.format(Locale.ROOT, "%-28s %6d%s%n", label, count, note.isEmpty() ? "" : "   " + note));
    }
}
