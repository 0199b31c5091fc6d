package org.ceir.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Days as lists write them: {@code YYYY-MM-DD}, {@code YYYYMMDD} or {@code DD-Mon-YYYY}. */
final class ListDates {
    private static final List<DateTimeFormatter> FORMS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.BASIC_ISO_DATE,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd-MMM-uuuu").toFormatter(Locale.ENGLISH));

    private ListDates() {
    }

    /** The day, or null for an empty value; throws with a readable message otherwise. */
    static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter form : FORMS) {
            try {
                return LocalDate.parse(text.strip(), form);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("date '" + text + "' is not YYYY-MM-DD, YYYYMMDD or DD-Mon-YYYY");
    }
}
