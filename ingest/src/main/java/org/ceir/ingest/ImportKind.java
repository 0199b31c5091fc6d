package org.ceir.ingest;

/** What a file holds; the value kept in {@code import_job.kind}. */
public enum ImportKind {
    /** An operator's network data: {@code date,imei,imsi,msisdn[,rat]}. */
    OPERATOR,
    /** The GSMA TAC catalogue, pipe-separated. */
    TAC,
    /** DIRBS registration list: {@code approved_imei,make,model,status,…}. */
    REGISTRATIONS,
    /** DIRBS stolen list: {@code imei,reporting_date,status}. */
    STOLEN,
    /** DIRBS pairing list: {@code imei,imsi,msisdn}. */
    PAIRINGS
}
