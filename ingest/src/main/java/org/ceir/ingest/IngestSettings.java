package org.ceir.ingest;

/**
 * The {@code ingest} settings: the data-quality thresholds an operator file must meet. Ratios are
 * shares of the file's rows, from 0 to 1.
 *
 * @param maxEmptyRatio        empty IMEIs, IMSIs or MSISDNs, each
 * @param maxUnparseableRatio  IMEIs without a 14-digit body, IMSIs or MSISDNs that are not digits
 *                             of a valid length, RATs that are not RAT Type codes, each
 * @param maxForeignRatio      IMSIs of another country's MCC, MSISDNs of another country code, each
 * @param maxOffNetworkRatio   IMSIs that are not of the operator's own network (roamers included)
 * @param maxOutsideRangeRatio rows whose date is outside the file name's dates
 * @param minHistoryRatio      the file's average daily distinct IMEIs, IMSIs and MSISDNs against
 *                             the operator's average over {@code historyDays} before the file
 * @param historyDays          how far back the history check looks
 * @param sampleRows           sample rows kept per failed check in the report
 */
public record IngestSettings(double maxEmptyRatio, double maxUnparseableRatio, double maxForeignRatio,
                             double maxOffNetworkRatio, double maxOutsideRangeRatio, double minHistoryRatio,
                             int historyDays, int sampleRows) {
    public IngestSettings {
        ratio("ingest.max-empty-ratio", maxEmptyRatio);
        ratio("ingest.max-unparseable-ratio", maxUnparseableRatio);
        ratio("ingest.max-foreign-ratio", maxForeignRatio);
        ratio("ingest.max-off-network-ratio", maxOffNetworkRatio);
        ratio("ingest.max-outside-range-ratio", maxOutsideRangeRatio);
        ratio("ingest.min-history-ratio", minHistoryRatio);
        if (maxForeignRatio > maxOffNetworkRatio) {
            throw new IllegalArgumentException("ingest.max-foreign-ratio " + maxForeignRatio
                    + " is above ingest.max-off-network-ratio " + maxOffNetworkRatio
                    + ": a foreign IMSI is also off the operator's network, so the first can never bind");
        }
        if (historyDays < 1 || historyDays > 366) {
            throw new IllegalArgumentException("ingest.history-days " + historyDays + ": 1 to 366");
        }
        if (sampleRows < 0 || sampleRows > 1000) {
            throw new IllegalArgumentException("ingest.sample-rows " + sampleRows + ": 0 to 1000");
        }
    }

    /** Issue 3's thresholds: 5% empty, 5% unparseable, 10% foreign, 20% off-network, 90% of 30 days. */
    public static IngestSettings defaults() {
        return new IngestSettings(0.05, 0.05, 0.10, 0.20, 0.0, 0.90, 30, 5);
    }

    private static void ratio(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " " + value + ": a share between 0 and 1 (0.05 is 5%)");
        }
    }
}
