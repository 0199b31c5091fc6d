package org.ceir.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A file's header line: which column holds what, by name, in any order and case. */
final class Header {
    private final Map<String, Integer> columns;
    private final int count;

    private Header(Map<String, Integer> columns, int count) {
        this.columns = columns;
        this.count = count;
    }

    /**
     * Reads the first non-blank line as the header.
     *
     * @param expected how the format's header looks, for the message when this one is wrong
     * @param others   true to ignore columns the format does not know (the TAC catalogue has many)
     */
    static Header read(LineReader lines, Fields fields, String fileName, List<String> required, List<String> optional,
                       boolean others, String expected) throws IOException {
        do {
            if (!lines.next()) {
                throw new Refused(fileName + " is empty: no header line and no rows");
            }
        } while (lines.blank());
        int n = fields.split(lines.buffer(), lines.start(), lines.end());
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = fields.text(i).strip().toLowerCase(Locale.ROOT);
            if (columns.containsKey(name)) {
                throw new Refused(fileName + ": the header names column '" + name + "' twice; expected " + expected);
            }
            if (required.contains(name) || optional.contains(name)) {
                columns.put(name, i);
            } else if (!others) {
                unknown.add(name);
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new Refused(fileName + ": wrong header '" + lines.text() + "'"
                    + (missing.isEmpty() ? "" : ", missing " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : ", unknown " + String.join(", ", unknown))
                    + "; expected " + expected + " (any order and case)");
        }
        return new Header(columns, n);
    }

    /** The column's index, or -1 when an optional column is absent. */
    int index(String name) {
        return columns.getOrDefault(name, -1);
    }

    boolean has(String name) {
        return columns.containsKey(name);
    }

    /** How many fields every row must have. */
    int count() {
        return count;
    }

    /** Refuses a row with the wrong number of fields. */
    void requireFields(int found, LineReader line, String fileName) {
        if (found != count) {
            throw new Refused(fileName + " line " + line.lineNumber() + ": " + found + " field(s) where the header has "
                    + count + ": '" + line.text() + "'");
        }
    }
}
