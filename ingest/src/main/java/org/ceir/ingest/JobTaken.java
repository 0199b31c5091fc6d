package org.ceir.ingest;

/**
 * A queued upload's job was no longer there to take: another process's {@link ImportQueue} took it
 * (servers over one database each take up the queue when they start) or it ended meanwhile.
 * Nothing was written; the job is that other importer's to finish.
 */
final class JobTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobTaken(long id) {
        super("import job " + id + " is no longer queued: another importer has taken it");
    }
}
