package org.ceir.lists;

import java.time.LocalDate;

/**
 * One row of one list. {@code operator} is empty on the blacklist; {@code imsi} and
 * {@code msisdn} are empty where unknown (never null), so that rows compare and sort as the files
 * do: by IMEI, then IMSI, then number, in byte order.
 */
record ListEntry(ListKind list, String operator, long imei, String imsi, String msisdn, LocalDate blockDate,
                 String reasons) {

    /** Orders rows of one list as its file does; 0 when both are the same row (their key). */
    int compareKey(ListEntry other) {
        int byImei = Long.compare(imei, other.imei);
        if (byImei != 0) {
            return byImei;
        }
        int byImsi = imsi.compareTo(other.imsi);
        return byImsi != 0 ? byImsi : msisdn.compareTo(other.msisdn);
    }

    /** Whether the columns beyond the key differ: a changed row. */
    boolean sameValues(ListEntry other) {
        return java.util.Objects.equals(blockDate, other.blockDate) && reasons.equals(other.reasons);
    }
}
