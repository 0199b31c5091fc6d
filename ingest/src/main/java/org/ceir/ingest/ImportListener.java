package org.ceir.ingest;

/**
 * Told what an import is doing, for a progress bar or log lines. Called from the importing
 * thread; keep it quick.
 */
public interface ImportListener {
    /** Does nothing. */
    ImportListener NONE = new ImportListener() { };

    /** A new step begins, e.g. "reading", "merging triplets". */
    default void phase(String file, String phase) {
    }

    /**
     * Reading goes on.
     *
     * @param bytesRead  bytes of the file (as stored, compressed or not) read so far
     * @param bytesTotal the file's size
     * @param rows       data rows read so far
     */
    default void progress(String file, long bytesRead, long bytesTotal, long rows) {
    }
}
