package org.ceir.lists;

import java.util.Optional;

/**
 * One file of an export, as its manifest lists it.
 *
 * @param name     e.g. {@code notifications_azercell_delta.csv}
 * @param list     which list
 * @param operator the operator it is for; empty for the blacklist
 * @param delta    a delta (with {@code change_type}) rather than the full list
 * @param rows     data rows, the header not counted
 * @param bytes    the file's size
 * @param sha256   of the file's bytes, in hex
 */
public record ListFile(String name, ListKind list, Optional<String> operator, boolean delta, long rows, long bytes,
                       String sha256) {

    /** Whether an operator may download this file: the blacklist, and its own lists. */
    public boolean visibleTo(String operatorCode) {
        return operator.isEmpty() || operator.get().equals(operatorCode);
    }
}
