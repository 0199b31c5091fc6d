package org.ceir.lists;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Writes one list as CSV, the same bytes for the same rows: a header, then one line per row with
 * {@code \n} endings, the IMEI as its 14 digits, dates as {@code YYYYMMDD} (DIRBS's form); counts
 * the rows and the bytes and takes the SHA-256 on the way.
 */
final class CsvListWriter implements AutoCloseable {
    private final ListKind list;
    private final boolean delta;
    private final DigestOutputStream out;
    private final OutputStream target;
    private final StringBuilder line = new StringBuilder(96);
    private long rows;
    private long bytes;

    CsvListWriter(ListKind list, boolean delta, OutputStream target) throws IOException {
        this.list = list;
        this.delta = delta;
        this.target = target;
        try {
            this.out = new DigestOutputStream(new BufferedOutputStream(target, 1 << 16), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        emit(list.header(delta));
    }

    /** Writes a row of a full list. */
    void write(ListEntry entry) throws IOException {
        write(entry, null);
    }

    /** Writes a row; {@code changeType} only in a delta. */
    void write(ListEntry entry, String changeType) throws IOException {
        line.setLength(0);
        appendImei(line, entry.imei());
        if (list.perOperator()) {
            line.append(',');
            appendField(line, entry.imsi());
            line.append(',');
            appendField(line, entry.msisdn());
        }
        if (list.hasBlockDate()) {
            line.append(',');
            appendDate(line, entry.blockDate());
            line.append(',');
            appendField(line, entry.reasons());
        }
        if (delta) {
            line.append(',').append(changeType);
        }
        rows++;
        emit(line);
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    /** Flushes; call before reading {@link #sha256()}. */
    void finish() throws IOException {
        out.flush();
    }

    String sha256() {
        return HexFormat.of().formatHex(out.getMessageDigest().digest());
    }

    /** Flushes without closing the stream given (the caller owns it). */
    @Override
    public void close() throws IOException {
        out.flush();
        target.flush();
    }

    private void emit(CharSequence text) throws IOException {
        byte[] encoded = (text + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(encoded);
        bytes += encoded.length;
    }

    static void appendImei(StringBuilder to, long imei) {
        String digits = Long.toString(imei);
        for (int i = digits.length(); i < 14; i++) {
            to.append('0');
        }
        to.append(digits);
    }

    private static void appendDate(StringBuilder to, LocalDate day) {
        if (day == null) {
            return;
        }
        int year = day.getYear();
        int month = day.getMonthValue();
        int date = day.getDayOfMonth();
        to.append(year);
        to.append(month < 10 ? "0" : "").append(month);
        to.append(date < 10 ? "0" : "").append(date);
    }

    /** RFC 4180 quoting, which list values (digits, reason codes) never need but a stray value would. */
    private static void appendField(StringBuilder to, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            to.append(value);
            return;
        }
        to.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
