package org.ceir.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of part of a byte array as characters (one byte, one character), so the
 * identity parsers of {@code core}, which take a {@link CharSequence}, read a field without a
 * String being made for it.
 */
final class AsciiSlice implements CharSequence {
    private byte[] bytes = new byte[0];
    private int start;
    private int length;

    AsciiSlice set(byte[] source, int from, int to) {
        this.bytes = source;
        this.start = from;
        this.length = to - from;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int start() {
        return start;
    }

    int end() {
        return start + length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[start + index] & 0xff);
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    boolean allDigits() {
        for (int i = start, end = start + length; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String prefix) {
        if (prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
}
