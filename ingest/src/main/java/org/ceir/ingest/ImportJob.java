package org.ceir.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of the import history ({@code ceir imports}).
 *
 * @param status RUNNING, SUCCEEDED, UNCHANGED or FAILED
 * @param error  why it failed, when it did
 */
public record ImportJob(long id, ImportKind kind, Optional<String> operator, String fileName, String sha256,
                        String status, boolean checksEnabled, Optional<LocalDate> dataStart,
                        Optional<LocalDate> dataEnd, long rowsRead, long rowsChanged, String startedBy,
                        Instant startedAt, Optional<Instant> finishedAt, Optional<String> error) {
}
