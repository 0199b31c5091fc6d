package org.ceir.registration;

/**
 * Why one IMEI (or one row of an importer's file) cannot be registered.
 *
 * @param line    the line of the importer's file (1 is the header), or 0 for a person's application
 * @param imei    the IMEI as given
 * @param reason  the reason, as a code a program can act on
 * @param message what a person reads
 */
public record Refusal(long line, String imei, Reason reason, String message) {

    /** The reasons an IMEI is refused. */
    public enum Reason {
        INVALID_IMEI,
        DUPLICATE_IN_REQUEST,
        TAC_UNKNOWN,
        MODEL_MISMATCH,
        ALREADY_REGISTERED,
        STOLEN,
        CLONE,
        BAD_ROW
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message;
    }
}
