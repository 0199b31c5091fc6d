package org.ceir.ingest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file was refused and nothing was written. The message is the one line a person reads; the
 * report file, when there is one, says more (which check, counts, sample rows).
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long jobId;
    private final transient Path report;

    ImportException(String message, long jobId, Path report, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.report = report;
    }

    /** The failed {@code import_job} row, or 0 when the file could not even be read. */
    public long jobId() {
        return jobId;
    }

    public Optional<Path> report() {
        return Optional.ofNullable(report);
    }
}
