package org.ceir.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/** One kind of file's import, run by {@link Importer} inside the import's transaction. */
interface FileImport {
    /** What the import did, for the job row and the person. */
    record Outcome(boolean changed, long rowsRead, long rowsChanged, LocalDate dataStart, LocalDate dataEnd,
                   String summary) {
    }

    ImportKind kind();

    /** The operator whose data this is, or null. */
    Short operatorId();

    /** The advisory lock class and object that serialise this import with others like it. */
    int lockClass();

    int lockObject();

    /** What the person waits for while the lock is held elsewhere. */
    String waitingFor();

    /** Reads, checks and merges; throws {@link Refused} (or an I/O or SQL error) to roll everything back. */
    Outcome run(Connection connection, long jobId, Report report) throws IOException, SQLException;
}
