package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Rows straight into a new (month, operator) triplet table, one triplet per row, with no staging
 * table and no merge: for an operator's first file of a month when it covers one day, whose rows
 * are then distinct triplets. A row of another month cannot go there; it stops the copy with
 * {@link OtherMonth}, and the import starts again through the staging table.
 */
final class LeafCopy implements TripletSink, AutoCloseable {
    /** A row of another month than the table's: this file must go through the staging table. */
    static final class OtherMonth extends RuntimeException {
        OtherMonth(LocalDate day) {
            super("a row of " + day + " is outside the month being copied", null, false, false);
        }
    }

    private final BinaryCopyWriter copy;
    private final int month;
    private final short operatorId;

    LeafCopy(Connection connection, TripletLeaf leaf) throws SQLException {
        this.month = leaf.month();
        this.operatorId = leaf.operatorId();
        // FREEZE: the table was made in this subtransaction, so its rows can be written frozen and
        // all-visible, and nobody rewrites every page later to set hint bits or freeze them.
        this.copy = new BinaryCopyWriter(connection, "COPY " + leaf.table() + " (triplet_month, operator_id, imei,"
                + " imei_raw, imsi, msisdn, first_seen, last_seen, date_bitmask, rat_bitmask) FROM STDIN"
                + " (FORMAT binary, FREEZE)");
    }

    @Override
    public void row(int rowMonth, int day, int dayBit, long imei, AsciiSlice imeiRaw, AsciiSlice imsi,
                    AsciiSlice msisdn, int rat) throws SQLException {
        if (rowMonth != month) {
            throw new OtherMonth(LocalDate.ofEpochDay(day));
        }
        copy.row(10).date(month).int2(operatorId).int8(imei).asciiOrNull(imeiRaw).asciiOrNull(imsi)
                .asciiOrNull(msisdn).date(day).date(day).int4(dayBit).int4(rat).endRow();
    }

    long finish() throws SQLException {
        return copy.finish();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
