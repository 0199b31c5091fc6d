package org.ceir.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Byte arrays written as hex, one field per argument so that tests can annotate each. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String... fields) {
        String hex = String.join("", fields).replace(" ", "");
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static ByteBuf buffer(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }

    /** ASCII text as hex, for readable fixtures. */
    static String ascii(String text) {
        StringBuilder hex = new StringBuilder();
        for (char c : text.toCharArray()) {
            hex.append(String.format("%02x", (int) c));
        }
        return hex.toString();
    }
}
