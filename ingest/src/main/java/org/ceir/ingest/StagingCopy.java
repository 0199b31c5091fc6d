package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows into the import's staging table, one per file row, for a merge into months whose table
 * exists already or for a file of several days (whose rows must be grouped into triplets first).
 */
final class StagingCopy implements TripletSink, AutoCloseable {
    private final BinaryCopyWriter copy;

    StagingCopy(Connection connection, String stage) throws SQLException {
        this.copy = new BinaryCopyWriter(connection, "COPY " + stage
                + " (month, day, dbit, imei, imei_raw, imsi, msisdn, rat) FROM STDIN (FORMAT binary)");
    }

    /** The staging table's definition; unlogged, made in the import's transaction so a kill leaves nothing. */
    static String create(String stage) {
        return "CREATE UNLOGGED TABLE " + stage + " (month int NOT NULL, day int NOT NULL, dbit int NOT NULL,"
                + " imei bigint NOT NULL, imei_raw text, imsi text, msisdn text, rat int NOT NULL)"
                + " WITH (autovacuum_enabled = false)";
    }

    @Override
    public void row(int month, int day, int dayBit, long imei, AsciiSlice imeiRaw, AsciiSlice imsi, AsciiSlice msisdn,
                    int rat) throws SQLException {
        copy.row(8).int4(month).int4(day).int4(dayBit).int8(imei).asciiOrNull(imeiRaw).asciiOrNull(imsi)
                .asciiOrNull(msisdn).int4(rat).endRow();
    }

    long finish() throws SQLException {
        return copy.finish();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
