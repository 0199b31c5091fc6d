package org.ceir.ingest;

/**
 * Inside the engine: the file cannot be imported, for the reason in the message (one line a
 * person can act on). {@link Importer} records it and turns it into an {@link ImportException}.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
        super(message);
    }

    Refused(String message, Throwable cause) {
        super(message, cause);
    }
}
