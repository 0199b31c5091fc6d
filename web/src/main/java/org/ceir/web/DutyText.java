package org.ceir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceir.registration.duty.DutyLine;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.Money;

/**
 * A duty computation in the page's language: each line's code and figures worded by the messages
 * ({@code duty.item.*}, {@code duty.basis.*}), so the applicant reads the same computation the
 * register made, in Azerbaijani, English or Russian. A line stored without a code keeps its English.
 */
final class DutyText {
    private final Messages messages;

    DutyText(Messages messages) {
        this.messages = messages;
    }

    /** One line as shown: what it is, how it was reached, and the amount (empty for a line that explains). */
    record Row(String item, String basis, String amount) {
    }

    /** A computation as shown: its lines, the total, and the tariff version that made it. */
    record Shown(List<Row> rows, String total, String tariff, String effectiveFrom, String assumption,
                 boolean unlisted) {
    }

    Shown show(DutyQuote quote, Language language) {
        List<Row> rows = new ArrayList<>();
        boolean unlisted = false;
        for (DutyLine line : quote.lines()) {
            rows.add(new Row(item(line, language), basis(line, language),
                    line.amount() == null ? "" : Money.format(line.amount(), quote.currency())));
            unlisted |= "price.unlisted".equals(line.code());
        }
        return new Shown(rows, Money.format(quote.total(), quote.currency()), quote.tariffVersion(),
                quote.effectiveFrom().toString(), quote.assumption(), unlisted);
    }

    /** One line for a JSON answer: what it is and how it was reached, worded; its amount and code as stored. */
    Map<String, Object> json(DutyLine line, Language language) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item", item(line, language));
        row.put("basis", basis(line, language));
        row.put("amount", line.amount() == null ? null : line.amount().toPlainString());
        row.put("code", line.code());
        return row;
    }

    String item(DutyLine line, Language language) {
        if (line.code() == null || line.code().equals("batch.model")) {
            return line.item();
        }
        String family = line.code().substring(0, line.code().indexOf('.') < 0 ? line.code().length()
                : line.code().indexOf('.'));
        return messages.get(language, "duty.item." + family);
    }

    String basis(DutyLine line, Language language) {
        if (line.code() == null) {
            return line.basis();
        }
        List<String> args = line.args();
        return switch (line.code()) {
            case "duty.bracket" -> messages.get(language, "duty.basis.duty.bracket", range(args, language));
            case "duty.rate" -> messages.get(language, "duty.basis.duty.rate", range(args, language), arg(args, 3),
                    arg(args, 4));
            default -> messages.get(language, "duty.basis." + line.code(), args.toArray());
        };
    }

    /** A bracket's price range in words: "up to $100.00", "over $400.00 up to $700.00", "any price"… */
    String range(List<String> args, Language language) {
        String from = arg(args, 0);
        String to = arg(args, 1);
        String types = arg(args, 2);
        String range = from.isEmpty() && to.isEmpty() ? messages.get(language, "duty.range.any")
                : from.isEmpty() ? messages.get(language, "duty.range.up-to", to)
                : to.isEmpty() ? messages.get(language, "duty.range.over", from)
                : messages.get(language, "duty.range.between", from, to);
        return types.isEmpty() ? range : range + messages.get(language, "duty.range.types", types);
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index) : "";
    }
}
