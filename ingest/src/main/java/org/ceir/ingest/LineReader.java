package org.ceir.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of bytes from a stream into one reusable buffer: {@link #next()} moves to the next
 * line, whose bytes are {@code buffer()[start() .. end())} without its line ending (LF or CRLF).
 * A UTF-8 byte-order mark at the start is skipped. Allocates nothing per line.
 */
final class LineReader {
    /** A line longer than this is not a CSV row; it is a binary file or a missing line ending. */
    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 18];
    private int position;
    private int limit;
    private int scanned;
    private boolean eof;
    private boolean first = true;
    private long lineNumber;
    private int start;
    private int end;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            scanned = limit;
            if (eof) {
                if (position < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void take(int lineEnd, int nextPosition) {
        start = position;
        end = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        if (first) {
            first = false;
            if (end - start >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
                    && buffer[start + 2] == (byte) 0xBF) {
                start += 3;
            }
        }
        position = nextPosition;
        scanned = nextPosition;
        lineNumber++;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanned -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + (MAX_LINE >> 10)
                        + " KiB: this is not a CSV file of the expected kind");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean blank() {
        for (int i = start; i < end; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** 1 for the first line of the file. */
    long lineNumber() {
        return lineNumber;
    }

    /** The current line as text, for messages and report samples (cut at 200 characters). */
    String text() {
        int length = Math.min(end - start, 200);
        return new String(buffer, start, length, StandardCharsets.UTF_8) + (end - start > 200 ? "…" : "");
    }
}
