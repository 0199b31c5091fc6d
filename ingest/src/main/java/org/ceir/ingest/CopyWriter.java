package org.ceir.ingest;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL's {@code COPY … FROM STDIN} in its text format, encoding numbers
 * and fields straight into one buffer (no String per field). Fields are separated by tabs; a
 * field's backslash, tab, CR and LF are escaped, and bytes COPY cannot hold (NUL, non-ASCII in
 * identity fields, which are digits when they are valid at all) become {@code ?}.
 */
final class CopyWriter implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final byte[] buffer = new byte[FLUSH_AT + LineReader.MAX_LINE * 2 + 64];
    private final byte[] digits = new byte[20];
    private int position;
    private int rowStart;
    private boolean rowStarted;
    private boolean done;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    CopyWriter number(long value) {
        separator();
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                throw new IllegalArgumentException("value out of range");
            }
            buffer[position++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
        return this;
    }

    CopyWriter nullValue() {
        separator();
        buffer[position++] = '\\';
        buffer[position++] = 'N';
        return this;
    }

    /** A text field of ASCII bytes; anything else is replaced by {@code ?}. */
    CopyWriter ascii(byte[] source, int from, int to) {
        separator();
        for (int i = from; i < to; i++) {
            byte b = source[i];
            switch (b) {
                case '\\':
                    buffer[position++] = '\\';
                    buffer[position++] = '\\';
                    break;
                case '\t':
                    buffer[position++] = '\\';
                    buffer[position++] = 't';
                    break;
                case '\r':
                    buffer[position++] = '\\';
                    buffer[position++] = 'r';
                    break;
                case '\n':
                    buffer[position++] = '\\';
                    buffer[position++] = 'n';
                    break;
                default:
                    buffer[position++] = b <= 0 ? (byte) '?' : b;
            }
        }
        return this;
    }

    CopyWriter ascii(AsciiSlice slice) {
        return ascii(slice.bytes(), slice.start(), slice.end());
    }

    /** A text field of any text (UTF-8); for the lists, whose names and models may be in any script. */
    CopyWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.replace("\0", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        separator();
        for (byte b : bytes) {
            if (b == '\\' || b == '\t' || b == '\r' || b == '\n') {
                buffer[position++] = '\\';
                buffer[position++] = b == '\\' ? (byte) '\\' : b == '\t' ? (byte) 't' : b == '\r' ? (byte) 'r' : (byte) 'n';
            } else {
                buffer[position++] = b;
            }
            if (position > buffer.length - 8) {
                throw new Refused("a field longer than " + (LineReader.MAX_LINE >> 10) + " KiB");
            }
        }
        return this;
    }

    /** Forgets the row being written, after a row error found midway. */
    void discardRow() {
        if (rowStarted) {
            position = rowStart;
            rowStarted = false;
        }
    }

    void endRow() throws SQLException {
        buffer[position++] = '\n';
        rowStarted = false;
        rowStart = position;
        if (position >= FLUSH_AT) {
            flush();
        }
    }

    private void separator() {
        if (rowStarted) {
            buffer[position++] = '\t';
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer, 0, position);
        position = 0;
        rowStart = 0;
    }

    /** Ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        done = true;
        return copy.endCopy();
    }

    /** Cancels an unfinished COPY so the connection can be rolled back and reused. */
    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
