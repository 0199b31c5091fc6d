package org.ceir.ingest;

import java.util.Optional;

/**
 * {@link ImportQueue} did not take a file: nothing was stored and no job made. {@link #reason()}
 * and the values beside it say why as data, for each door to word in its caller's language; the
 * message is the English fallback.
 */
public final class UploadRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a file was not taken. */
    public enum Reason {
        /** The name has characters the store does not keep in a file's name (or is too long). */
        UNSAFE_NAME,
        /** An operator's upload is not named as an operator data file. */
        NOT_AN_OPERATOR_FILE,
        /** An operator's upload is another operator's data ({@link #fileOperator()}). */
        ANOTHER_OPERATORS_FILE,
        /** The file has no bytes. */
        EMPTY,
        /** The file is larger than the door takes ({@link #maxBytes()}). */
        TOO_LARGE
    }

    private final Reason reason;
    private final String fileName;
    private final String fileOperator;
    private final String allowedOperator;
    private final long maxBytes;

    UploadRefused(Reason reason, UploadRequest request, String fileOperator) {
        super(message(reason, request, fileOperator));
        this.reason = reason;
        this.fileName = request.fileName();
        this.fileOperator = fileOperator;
        this.allowedOperator = request.onlyOperator().orElse(null);
        this.maxBytes = request.maxBytes();
    }

    public Reason reason() {
        return reason;
    }

    public String fileName() {
        return fileName;
    }

    /** Whose data the file is by its name, for {@link Reason#ANOTHER_OPERATORS_FILE}. */
    public Optional<String> fileOperator() {
        return Optional.ofNullable(fileOperator);
    }

    /** The one operator the sender may send data for, when it is an operator's. */
    public Optional<String> allowedOperator() {
        return Optional.ofNullable(allowedOperator);
    }

    /** The most the door takes, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    private static String message(Reason reason, UploadRequest request, String fileOperator) {
        String name = "'" + request.fileName() + "'";
        String example = request.onlyOperator().orElse("azercell") + "_20260501_20260501.csv.gz";
        return switch (reason) {
            case UNSAFE_NAME -> name + ": a file's name may hold letters, digits, dots, dashes and underscores only"
                    + " (at most 200), e.g. " + example;
            case NOT_AN_OPERATOR_FILE -> name + ": an operator file is named " + OperatorFileName.FORM + ", e.g. "
                    + example;
            case ANOTHER_OPERATORS_FILE -> name + " is " + fileOperator + "'s data; you send data for "
                    + request.onlyOperator().orElseThrow() + " only";
            case EMPTY -> name + " is empty: send the file's bytes";
            case TOO_LARGE -> name + " is larger than " + request.maxBytes() / (1024 * 1024)
                    + " MB, the most taken here; send it in smaller files, a day each";
        };
    }
}
