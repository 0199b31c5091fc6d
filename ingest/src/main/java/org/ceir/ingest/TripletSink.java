package org.ceir.ingest;

import java.sql.SQLException;

/** Where {@link OperatorFileReader} puts each row it read, once its values are known. */
interface TripletSink {
    /**
     * One row of an operator file.
     *
     * @param month   the first day of the row's month, as an epoch day
     * @param day     the row's day, as an epoch day
     * @param dayBit  the day's bit in the month's bitmask ({@code 1 << (day of month - 1)})
     * @param imei    the IMEI's 14-digit key, or {@code -1} when it has none
     * @param imeiRaw the IMEI as sent when {@code imei} is -1, else null
     * @param imsi    the IMSI as sent, or null when empty
     * @param msisdn  the MSISDN as sent (without a leading {@code +}), or null when empty
     * @param rat     the RAT bitmask
     */
    void row(int month, int day, int dayBit, long imei, AsciiSlice imeiRaw, AsciiSlice imsi, AsciiSlice msisdn,
             int rat) throws SQLException;
}
