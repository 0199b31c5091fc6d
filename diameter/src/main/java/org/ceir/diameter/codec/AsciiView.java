package org.ceir.diameter.codec;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * A reusable {@link CharSequence} over an AVP's value, one character per octet, so that an IMEI
 * or IMSI reaches {@code EquipmentCheck.check} without a String being made for every request.
 *
 * <p>Octets above 0x7f read as the Latin-1 character of the same number: never a digit, so a
 * non-ASCII identity reads as malformed, which is the policy's call. A view is valid until it is
 * wrapped again or its message is released; it belongs to one thread (one connection's event
 * loop) and its consumer must not keep it.
 */
public final class AsciiView implements CharSequence {
    private ByteBuf buffer;
    private int offset;
    private int length;

    /** Points this view at an AVP's value; returns this view. */
    public AsciiView wrap(Avp avp) {
        return wrap(avp.buffer, avp.offset, avp.length);
    }

    /** Points this view at {@code length} octets of {@code buffer} from {@code offset}; returns this view. */
    AsciiView wrap(ByteBuf buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length);
        }
        return (char) (buffer.getByte(offset + index) & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return buffer.toString(offset, length, StandardCharsets.ISO_8859_1);
    }
}
