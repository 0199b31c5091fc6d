package org.ceir.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator file's name, DIRBS's convention: {@code <operator>_<YYYYMMDD>_<YYYYMMDD>.csv},
 * optionally {@code .gz} or {@code .zip}: whose data it is and which days it covers.
 */
record OperatorFileName(String operator, LocalDate start, LocalDate end) {
    private static final Pattern NAME = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*)_([0-9]{8})_([0-9]{8})(\\.csv(\\.gz|\\.zip)?|\\.zip|\\.gz)", Pattern.CASE_INSENSITIVE);
    static final String FORM = "<operator>_<YYYYMMDD>_<YYYYMMDD>.csv (or .csv.gz, .zip)";

    static OperatorFileName parse(String fileName) {
        Matcher match = NAME.matcher(fileName);
        if (!match.matches()) {
            throw new Refused(fileName + ": an operator file is named " + FORM + ", e.g. azercell_20240501_20240501.csv.gz");
        }
        LocalDate start = day(fileName, match.group(2));
        LocalDate end = day(fileName, match.group(3));
        if (end.isBefore(start)) {
            throw new Refused(fileName + ": the end date " + match.group(3) + " is before the start date " + match.group(2));
        }
        return new OperatorFileName(match.group(1).toLowerCase(Locale.ROOT), start, end);
    }

    /** Days the name covers, both ends included. */
    long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }

    private static LocalDate day(String fileName, String digits) {
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6)));
        } catch (DateTimeException e) {
            throw new Refused(fileName + ": " + digits + " in the name is not a date (YYYYMMDD)", e);
        }
    }
}
