package org.ceir.registration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.registration.duty.DutyLine;
import org.ceir.registration.duty.DutyQuote;

/** JSON for the database's jsonb columns, the audit log and the change log. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Ordered key/value pairs as a JSON object. */
    static String object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return write(map);
    }

    /** A text field of a JSON object (e.g. an audit entry's {@code after}), if it has one. */
    static Optional<String> field(String json, String name) {
        if (json == null || json.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.hasNonNull(name) ? Optional.of(node.get(name).asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // another module's free text: no field to read
        }
    }

    static String quote(DutyQuote quote) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DutyLine line : quote.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", line.item());
            row.put("basis", line.basis());
            row.put("amount", line.amount() == null ? null : line.amount().toPlainString());
            if (line.code() != null) {
                row.put("code", line.code());
                row.put("args", line.args());
            }
            lines.add(row);
        }
        return object("tariff", quote.tariffVersion(), "effective_from", quote.effectiveFrom().toString(),
                "assumption", quote.assumption(), "currency", quote.currency(), "lines", lines,
                "total", quote.total().toPlainString());
    }

    static DutyQuote quote(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            List<DutyLine> lines = new ArrayList<>();
            for (JsonNode line : node.get("lines")) {
                List<String> args = new ArrayList<>();
                if (line.has("args")) {
                    line.get("args").forEach(arg -> args.add(arg.asText()));
                }
                lines.add(new DutyLine(line.get("item").asText(), line.get("basis").asText(),
                        line.get("amount").isNull() ? null : new BigDecimal(line.get("amount").asText()),
                        line.hasNonNull("code") ? line.get("code").asText() : null, args));
            }
            return new DutyQuote(node.get("tariff").asText(), LocalDate.parse(node.get("effective_from").asText()),
                    node.get("assumption").asText(), node.get("currency").asText(), lines,
                    new BigDecimal(node.get("total").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("a stored duty computation is not valid JSON: " + e.getMessage(), e);
        }
    }
}
