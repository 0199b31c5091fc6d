package org.ceir.registration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Small helpers over Commons CSV for files whose header may come in any order and case. */
final class Csv {
    private Csv() {
    }

    static Map<String, Integer> lowerCaseHeader(CSVParser parser) {
        Map<String, Integer> header = new HashMap<>();
        parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
        return header;
    }

    /** A column's value, stripped; empty when the row is short. */
    static String get(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return "";
        }
        return record.get(index).strip();
    }
}
