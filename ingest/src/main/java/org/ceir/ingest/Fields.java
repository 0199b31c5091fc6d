package org.ceir.ingest;

/**
 * Splits a line into fields at a one-byte delimiter, recording where each starts and ends in
 * reusable arrays. Spaces around a field are dropped; a field in double quotes may hold the
 * delimiter and doubled quotes (RFC 4180), as in {@code "GSM,WCDMA,LTE"}. A quoted field cannot
 * span lines, which none of these formats needs.
 */
final class Fields {
    private final byte delimiter;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private byte[] bytes;

    Fields(char delimiter) {
        this.delimiter = (byte) delimiter;
    }

    /** Splits {@code bytes[from .. to)}; returns the number of fields. May rewrite a quoted field's bytes in place. */
    int split(byte[] source, int from, int to) {
        bytes = source;
        count = 0;
        int i = from;
        while (true) {
            int fieldStart = i;
            while (i < to && source[i] == ' ') {
                i++;
            }
            if (i < to && source[i] == '"') {
                i = quoted(source, i, to);
                while (i < to && source[i] != delimiter) {
                    i++; // anything after the closing quote is not part of a well-formed field; ignored
                }
            } else {
                i = fieldStart;
                while (i < to && source[i] != delimiter) {
                    i++;
                }
                add(fieldStart, i);
            }
            if (i >= to) {
                return count;
            }
            i++; // the delimiter
        }
    }

    /**
     * Reads a field in double quotes starting at {@code open}: it may hold the delimiter, and a
     * doubled quote stands for one (RFC 4180). Returns the position after the closing quote.
     */
    private int quoted(byte[] source, int open, int to) {
        int write = open + 1;
        int read = open + 1;
        while (read < to) {
            if (source[read] == '"') {
                if (read + 1 < to && source[read + 1] == '"') {
                    source[write++] = '"';
                    read += 2;
                    continue;
                }
                break;
            }
            source[write++] = source[read++];
        }
        addExact(open + 1, write);
        return Math.min(read + 1, to);
    }

    private void add(int from, int to) {
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        addExact(from, to);
    }

    private void addExact(int from, int to) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = from;
        ends[count] = to;
        count++;
    }

    int count() {
        return count;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean empty(int field) {
        return starts[field] == ends[field];
    }

    AsciiSlice slice(int field, AsciiSlice into) {
        return into.set(bytes, starts[field], ends[field]);
    }

    String text(int field) {
        return new String(bytes, starts[field], ends[field] - starts[field], java.nio.charset.StandardCharsets.UTF_8);
    }
}
