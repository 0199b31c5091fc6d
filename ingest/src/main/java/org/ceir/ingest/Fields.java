package org.ceir.ingest;

/**
 * Splits a line into fields at a one-byte delimiter, recording where each starts and ends in
 * reusable arrays. Spaces around a field and one pair of double quotes around it are dropped
 * (spreadsheets add them); a quoted field may not hold the delimiter, which none of these formats
 * needs.
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

    /** Splits {@code bytes[from .. to)}; returns the number of fields. */
    int split(byte[] source, int from, int to) {
        bytes = source;
        count = 0;
        int fieldStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || source[i] == delimiter) {
                add(fieldStart, i);
                fieldStart = i + 1;
            }
        }
        return count;
    }

    private void add(int from, int to) {
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        if (to - from >= 2 && bytes[from] == '"' && bytes[to - 1] == '"') {
            from++;
            to--;
        }
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
