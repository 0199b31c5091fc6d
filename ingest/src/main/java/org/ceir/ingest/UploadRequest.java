package org.ceir.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * A file someone sends to {@link ImportQueue#accept}: what it holds, its name, how to import it and
 * within which bounds.
 *
 * @param fileName     the file's own name (no directories): the importer reads meaning from it
 *                     (an operator file's operator and days) and the history shows it
 * @param options      how to import it, and who sends it
 * @param onlyOperator for an operator's own people and systems: the one operator whose network data
 *                     they may send; the file must then be that operator's data file, and is always
 *                     checked. Empty for the regulator's staff, who import any kind
 * @param maxBytes     the largest file this door takes
 */
public record UploadRequest(ImportKind kind, String fileName, ImportOptions options, Optional<String> onlyOperator,
                            long maxBytes) {
    public UploadRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onlyOperator, "onlyOperator");
        fileName = fileName == null ? "" : fileName.strip();
        if (onlyOperator.isPresent() && kind != ImportKind.OPERATOR) {
            throw new IllegalArgumentException("an operator sends its network data only, not " + kind);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + ": at least 1");
        }
    }
}
