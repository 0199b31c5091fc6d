package org.ceir.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * A file uploaded for import and where its import is (an {@code import_job} taken by
 * {@link ImportQueue}): what either door onto the queue shows of it, the staff console's imports
 * page or {@code GET /api/v1/jobs/{id}}.
 *
 * @param id          the import job's number, also the upload's
 * @param operator    the operator whose network data it is, for operator files whose name says so
 * @param sha256      the file's SHA-256 as received
 * @param startedAt   when its import began, once it has
 * @param rowsRead    data rows read, once the import ended
 * @param rowsChanged rows of the store inserted or changed, once the import ended
 * @param summary     the importer's line for people, or why the file was refused, once it ended
 * @param progress    where the import is, while it runs in this process
 * @param report      the importer's report (JSON), when asked for one job and once it has one
 */
public record Upload(long id, ImportKind kind, Optional<String> operator, String fileName, long bytes, String sha256,
                     State state, boolean checks, boolean delta, String uploadedBy, Instant uploadedAt,
                     Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<Long> rowsRead,
                     Optional<Long> rowsChanged, Optional<String> summary, Optional<Progress> progress,
                     Optional<String> report) {

    /** Where an upload stands: the {@code import_job} status. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, UNCHANGED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == UNCHANGED || this == FAILED;
        }
    }

    /**
     * How far a running import has come, as the importer reports it ({@link ImportListener}).
     *
     * @param phase      the importer's current step, e.g. "merging triplets"; empty before the first
     * @param bytesRead  bytes of the file read so far
     * @param bytesTotal the file's size, once the importer has said it
     * @param rows       data rows read so far
     */
    public record Progress(State state, String phase, long bytesRead, long bytesTotal, long rows) {
    }

    public boolean finished() {
        return state.finished();
    }
}
