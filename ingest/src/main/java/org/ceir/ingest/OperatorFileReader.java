package org.ceir.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.datasketches.hll.HllSketch;
import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.Imsi;
import org.ceir.core.network.Rat;

/**
 * Streams an operator file, row by row, into a {@link TripletSink} (a COPY), counting what the checks
 * judge (empty, unparseable, foreign and off-network values, dates outside the file name's) and
 * estimating each day's distinct IMEIs, IMSIs and MSISDNs. Memory does not grow with the file:
 * the counts, a few sample rows, and three 4 KiB sketches per day.
 *
 * <p>Per row: no String, no boxing; the date is parsed once per run of equal dates (files come
 * ordered by date, so in practice once per day).
 */
final class OperatorFileReader {
    static final List<String> REQUIRED = List.of("date", "imei", "imsi", "msisdn");
    static final List<String> OPTIONAL = List.of("rat");
    static final String EXPECTED = "date,imei,imsi,msisdn[,rat]";
    private static final int SKETCH_LG_K = 12; // 4,096 buckets: about 1.6% error, 4 KiB per sketch
    private static final int PROGRESS_EVERY = 1 << 16;

    /** One day's distinct identities, estimated. */
    static final class Day {
        final HllSketch imeis = new HllSketch(SKETCH_LG_K);
        final HllSketch imsis = new HllSketch(SKETCH_LG_K);
        final HllSketch msisdns = new HllSketch(SKETCH_LG_K);
        long rows;
    }

    private final String fileName;
    private final OperatorFileName name;
    private final String countryMcc;
    private final String countryCode;
    private final String plmn;
    private final ImportListener listener;

    final Tally imeiEmpty;
    final Tally imeiUnusable;
    final Tally imsiEmpty;
    final Tally imsiUnparseable;
    final Tally imsiForeign;
    final Tally imsiOffNetwork;
    final Tally msisdnEmpty;
    final Tally msisdnUnparseable;
    final Tally msisdnForeign;
    final Tally ratUnparseable;
    final Tally outsideRange;
    final TreeMap<Integer, Day> days = new TreeMap<>();
    final TreeSet<Integer> months = new TreeSet<>();
    long rows;
    boolean hasRat;

    private final AsciiSlice slice = new AsciiSlice();
    private final AsciiSlice imeiRaw = new AsciiSlice();
    private final AsciiSlice imsiValue = new AsciiSlice();
    private final AsciiSlice msisdnValue = new AsciiSlice();
    private int lastYmd = -1;
    private int lastEpochDay;
    private int lastMonth;
    private int lastBit;
    private boolean lastOutside;
    private Day lastDay;

    OperatorFileReader(String fileName, OperatorFileName name, Country country, Operator operator, int samples,
                       ImportListener listener) {
        this.fileName = fileName;
        this.name = name;
        this.countryMcc = country.mcc();
        this.countryCode = country.countryCode();
        this.plmn = operator.plmn();
        this.listener = listener;
        imeiEmpty = new Tally(samples);
        imeiUnusable = new Tally(samples);
        imsiEmpty = new Tally(samples);
        imsiUnparseable = new Tally(samples);
        imsiForeign = new Tally(samples);
        imsiOffNetwork = new Tally(samples);
        msisdnEmpty = new Tally(samples);
        msisdnUnparseable = new Tally(samples);
        msisdnForeign = new Tally(samples);
        ratUnparseable = new Tally(samples);
        outsideRange = new Tally(samples);
    }

    /** Reads the whole file into {@code sink}; returns the data rows read. */
    long read(FileSource source, TripletSink sink) throws IOException, SQLException {
        try (InputStream in = source.open()) {
            LineReader lines = new LineReader(in);
            Fields fields = new Fields(',');
            Header header = Header.read(lines, fields, fileName, REQUIRED, OPTIONAL, false, EXPECTED);
            int date = header.index("date");
            int imei = header.index("imei");
            int imsi = header.index("imsi");
            int msisdn = header.index("msisdn");
            int rat = header.index("rat");
            hasRat = rat >= 0;
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                header.requireFields(fields.split(lines.buffer(), lines.start(), lines.end()), lines, fileName);
                day(fields, date, lines);
                long key = imei(fields, imei, lines);
                AsciiSlice imsiField = imsi(fields, imsi, lines);
                AsciiSlice msisdnField = msisdn(fields, msisdn, lines);
                sink.row(lastMonth, lastEpochDay, lastBit, key, key == Imei.UNUSABLE ? imeiRaw : null, imsiField,
                        msisdnField, rat < 0 ? 0 : rat(fields, rat, lines));
                lastDay.rows++;
                if (++rows % PROGRESS_EVERY == 0) {
                    listener.progress(fileName, source.bytesRead(), source.size(), rows);
                }
            }
            source.drain();
        }
        listener.progress(fileName, source.size(), source.size(), rows);
        if (rows == 0) {
            throw new Refused(fileName + " has a header but no rows");
        }
        return rows;
    }

    private void day(Fields fields, int column, LineReader line) {
        int ymd = 0;
        int length = fields.end(column) - fields.start(column);
        byte[] bytes = line.buffer();
        for (int i = fields.start(column); i < fields.end(column) && length == 8; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                length = -1;
                break;
            }
            ymd = ymd * 10 + (bytes[i] - '0');
        }
        if (length != 8) {
            throw new Refused(fileName + " line " + line.lineNumber() + ": date '" + fields.text(column)
                    + "' is not a day as YYYYMMDD: '" + line.text() + "'");
        }
        if (ymd != lastYmd) {
            LocalDate day;
            try {
                day = LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
            } catch (DateTimeException e) {
                throw new Refused(fileName + " line " + line.lineNumber() + ": date '" + fields.text(column)
                        + "' is not a day (" + e.getMessage() + ")", e);
            }
            lastYmd = ymd;
            lastEpochDay = (int) day.toEpochDay();
            lastMonth = (int) day.withDayOfMonth(1).toEpochDay();
            lastBit = 1 << (day.getDayOfMonth() - 1);
            lastOutside = day.isBefore(name.start()) || day.isAfter(name.end());
            lastDay = days.computeIfAbsent(lastEpochDay, d -> new Day());
            months.add(lastMonth);
        }
        if (lastOutside) {
            outsideRange.add(line);
        }
    }

    /** The IMEI's key; an unusable one's value as sent is left in {@code imeiRaw}. */
    private long imei(Fields fields, int column, LineReader line) {
        fields.slice(column, imeiRaw);
        long key = Imei.networkKey(imeiRaw);
        if (key == Imei.UNUSABLE) {
            (imeiRaw.isEmpty() ? imeiEmpty : imeiUnusable).add(line);
        } else {
            lastDay.imeis.update(key);
        }
        return key;
    }

    /** The IMSI as sent (kept even when unparseable), or null when empty. */
    private AsciiSlice imsi(Fields fields, int column, LineReader line) {
        AsciiSlice imsi = fields.slice(column, imsiValue);
        if (imsi.isEmpty()) {
            imsiEmpty.add(line);
            return null;
        }
        if (imsi.length() < 6 || imsi.length() > 15 || !imsi.allDigits()) {
            imsiUnparseable.add(line);
            return imsi;
        }
        lastDay.imsis.update(Imsi.key(imsi));
        if (!imsi.startsWith(countryMcc)) {
            imsiForeign.add(line);
            imsiOffNetwork.add(line);
        } else if (!imsi.startsWith(plmn)) {
            imsiOffNetwork.add(line);
        }
        return imsi;
    }

    /** The MSISDN as sent without a leading {@code +} (kept even when unparseable), or null when empty. */
    private AsciiSlice msisdn(Fields fields, int column, LineReader line) {
        AsciiSlice msisdn = fields.slice(column, msisdnValue);
        if (!msisdn.isEmpty() && msisdn.charAt(0) == '+') {
            msisdn.set(msisdn.bytes(), msisdn.start() + 1, msisdn.end());
        }
        if (msisdn.isEmpty()) {
            msisdnEmpty.add(line);
            return null;
        }
        if (msisdn.length() < 7 || msisdn.length() > 15 || msisdn.charAt(0) == '0' || !msisdn.allDigits()) {
            msisdnUnparseable.add(line);
            return msisdn;
        }
        lastDay.msisdns.update(Imsi.key(msisdn)); // a length-keeping number of up to 15 digits, as for IMSIs
        if (!msisdn.startsWith(countryCode)) {
            msisdnForeign.add(line);
        }
        return msisdn;
    }

    private int rat(Fields fields, int column, LineReader line) {
        int mask = Rat.parseBitmask(fields.slice(column, slice));
        if (mask < 0) {
            ratUnparseable.add(line);
            return 0;
        }
        return mask;
    }
}
