package org.ceir.sim;

import java.nio.file.Path;
import java.time.LocalDate;

import org.ceir.core.country.Country;

/**
 * What to simulate. Validated on construction, with messages that name the option.
 *
 * @param out         the directory to write into (created if missing)
 * @param subscribers people with a home SIM; roamers and shops come on top
 * @param days        how many days of operator files, from {@code start}
 * @param start       the first day
 * @param seed        the same seed gives byte-identical files, whatever the thread count
 * @param threads     how many files to write at once
 * @param country     whose operators and numbering to use
 * @param overwrite   replace an earlier simulation's files in {@code out}
 * @param monthly     one operator file per calendar month ({@code <op>_<first day>_<last day>.csv.gz},
 *                    which DIRBS's format allows) instead of one per day: the same rows, and an import
 *                    an order of magnitude faster (each month's triplets are loaded once, not merged
 *                    day after day)
 */
public record SimulationParameters(Path out, int subscribers, int days, LocalDate start, long seed, int threads,
                                   Country country, boolean overwrite, boolean monthly) {
    /** Enough for a country of 50 million people; beyond it, IMEIs per model run out. */
    public static final int MOST_SUBSCRIBERS = 50_000_000;
    /** A year and a day: the files of one period. */
    public static final int MOST_DAYS = 366;

    public SimulationParameters {
        if (out == null) {
            throw new IllegalArgumentException("--out: say which directory to write the simulation into");
        }
        if (subscribers < 1 || subscribers > MOST_SUBSCRIBERS) {
            throw new IllegalArgumentException("--subscribers " + subscribers + ": from 1 to " + MOST_SUBSCRIBERS);
        }
        if (days < 1 || days > MOST_DAYS) {
            throw new IllegalArgumentException("--days " + days + ": from 1 to " + MOST_DAYS);
        }
        if (start == null) {
            throw new IllegalArgumentException("--start: give the first day as YYYY-MM-DD");
        }
        if (start.getYear() < 2000 || start.plusDays(days - 1L).getYear() > 9999) {
            throw new IllegalArgumentException("--start " + start + ": the period must lie between 2000 and 9999");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": at least 1");
        }
        if (country == null) {
            throw new IllegalArgumentException("no country configured");
        }
    }

    /** Daily files, as operators send them. */
    public SimulationParameters(Path out, int subscribers, int days, LocalDate start, long seed, int threads,
                                Country country, boolean overwrite) {
        this(out, subscribers, days, start, seed, threads, country, overwrite, false);
    }

    /** The same simulation written as one file per operator and calendar month. */
    public SimulationParameters monthlyFiles() {
        return new SimulationParameters(out, subscribers, days, start, seed, threads, country, overwrite, true);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return start.plusDays(days - 1L);
    }
}
