package org.ceir.ingest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one import did.
 *
 * @param jobId       the {@code import_job} row
 * @param outcome     SUCCEEDED (something changed) or UNCHANGED (the store already held it all)
 * @param rowsRead    data rows in the file (0 when the same file had been imported before)
 * @param rowsChanged rows of the store inserted or changed
 * @param summary     one line for people
 * @param report      the report file, when a reports directory was given
 */
public record ImportResult(long jobId, Outcome outcome, long rowsRead, long rowsChanged, String summary,
                           Optional<Path> report) {

    /** How an import ended; failures are {@link ImportException}s. */
    public enum Outcome { SUCCEEDED, UNCHANGED }
}
