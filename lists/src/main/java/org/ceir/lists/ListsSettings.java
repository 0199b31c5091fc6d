package org.ceir.lists;

/**
 * The {@code lists} section: scheduled exports and the operators' API. Validated here, naming the
 * setting, so that a bad value stops ceir at start-up.
 *
 * @param directory          where scheduled exports go, one folder per run ({@code run-<id>});
 *                           relative paths are under the home directory
 * @param everyMinutes       how often {@code ceir serve} exports the lists; 0 turns the schedule off
 * @param keepRuns           how many successful runs keep their files and history; older runs are
 *                           pruned, and a delta from them can no longer be made
 * @param uploadMaxMegabytes the largest operator file the API takes
 * @param uploadThreads      uploads imported at once by {@code ceir serve}'s one queue, whichever door
 *                           they came through (the API, the console); each operator's imports still
 *                           wait for each other, as the importer locks per operator
 */
public record ListsSettings(String directory, int everyMinutes, int keepRuns, int uploadMaxMegabytes,
                            int uploadThreads) {

    public ListsSettings {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("lists.directory is empty: a folder for the exported lists, e.g. lists");
        }
        if (everyMinutes < 0 || everyMinutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("lists.every-minutes " + everyMinutes
                    + ": 0 (no schedule) up to 10080 (a week)");
        }
        if (keepRuns < 2 || keepRuns > 10_000) {
            throw new IllegalArgumentException("lists.keep-runs " + keepRuns
                    + ": between 2 and 10000 (a delta needs the run before)");
        }
        if (uploadMaxMegabytes < 1 || uploadMaxMegabytes > 100_000) {
            throw new IllegalArgumentException("lists.upload-max-megabytes " + uploadMaxMegabytes + ": between 1 and 100000");
        }
        if (uploadThreads < 1 || uploadThreads > 16) {
            throw new IllegalArgumentException("lists.upload-threads " + uploadThreads + ": between 1 and 16");
        }
    }

    /** The defaults of {@code ceir-defaults.yaml}, for tests and tools. */
    public static ListsSettings defaults() {
        return new ListsSettings("lists", 1440, 14, 4096, 2);
    }

    /** The largest upload in bytes. */
    public long uploadMaxBytes() {
        return uploadMaxMegabytes * 1024L * 1024L;
    }
}
