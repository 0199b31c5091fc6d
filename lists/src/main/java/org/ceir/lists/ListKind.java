package org.ceir.lists;

import java.util.Locale;

/**
 * The three DIRBS lists and their CSV columns. A delta file has the same columns and DIRBS's
 * {@code change_type} after them ({@code added}, {@code removed}, {@code changed}).
 */
public enum ListKind {
    /** Blocked IMEIs, for every operator: {@code imei,block_date,reasons}. */
    BLACKLIST("blacklist", "imei,block_date,reasons"),
    /** IMEIs inside a grace period with the SIMs seen on them, per operator: {@code imei,imsi,msisdn,block_date,reasons}. */
    NOTIFICATIONS("notifications", "imei,imsi,msisdn,block_date,reasons"),
    /** The SIMs allowed on a blacklisted IMEI (pairings), per operator: {@code imei,imsi,msisdn}. */
    EXCEPTIONS("exceptions", "imei,imsi,msisdn");

    private final String fileStem;
    private final String header;

    ListKind(String fileStem, String header) {
        this.fileStem = fileStem;
        this.header = header;
    }

    /** {@code blacklist}, {@code notifications} or {@code exceptions}. */
    public String fileStem() {
        return fileStem;
    }

    String header(boolean delta) {
        return delta ? header + ",change_type" : header;
    }

    /** Whether the list is one per operator. */
    public boolean perOperator() {
        return this != BLACKLIST;
    }

    /** The file's name: {@code blacklist.csv}, {@code notifications_azercell_delta.csv}… */
    public String fileName(String operator, boolean delta) {
        return fileStem + (perOperator() ? "_" + operator : "") + (delta ? "_delta" : "") + ".csv";
    }

    boolean hasBlockDate() {
        return this != EXCEPTIONS;
    }

    String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
