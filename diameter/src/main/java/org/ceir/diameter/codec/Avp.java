package org.ceir.diameter.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;

/**
 * One Attribute-Value Pair (RFC 6733 §4.1): code, flags, optional Vendor-Id, and the value's
 * octets, padded to four on the wire.
 *
 * <p>A decoded AVP is a view into its message's buffer (no copy); it is valid while that message
 * is, and {@link DiameterMessage#copy()} detaches a message that must outlive its buffer. The
 * typed readers ({@link #unsigned32()}, {@link #utf8()}, {@link #grouped()}…) check the value
 * against its format and throw the {@link DiameterException} that the answer should carry.
 */
public final class Avp {
    /** V: a Vendor-Id follows the header. */
    public static final int FLAG_VENDOR = 0x80;
    /** M: the receiver must understand the AVP or reject the message. */
    public static final int FLAG_MANDATORY = 0x40;
    /** P: reserved for end-to-end security (RFC 6733 §4.1); never set by ceir. */
    public static final int FLAG_PROTECTED = 0x20;

    static final int HEADER_LENGTH = 8;
    static final int VENDOR_HEADER_LENGTH = 12;
    private static final int FAMILY_IPV4 = 1;
    private static final int FAMILY_IPV6 = 2;
    private static final ByteProcessor ASCII = b -> b >= 0;
    private static final ByteProcessor PRINTABLE_ASCII = b -> b > ' ' && b < 0x7f;

    private final int code;
    private final int flags;
    private final int vendorId;
    final ByteBuf buffer;
    final int offset;
    final int length;

    Avp(int code, int flags, int vendorId, ByteBuf buffer, int offset, int length) {
        this.code = code;
        this.flags = flags;
        this.vendorId = vendorId;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    // ---- building -------------------------------------------------------------------------

    /** An AVP with this value, flagged as its definition says (V for a vendor's AVP, M if mandatory). */
    public static Avp of(AvpCode code, byte[] value) {
        int flags = (code.vendor().value() != 0 ? FLAG_VENDOR : 0) | (code.isMandatory() ? FLAG_MANDATORY : 0);
        return new Avp(code.code(), flags, (int) code.vendor().value(), Unpooled.wrappedBuffer(value), 0, value.length);
    }

    /**
     * An AVP exactly as given, for tests and for AVPs ceir does not know; {@code vendorId} is
     * written only when {@code flags} has {@link #FLAG_VENDOR}.
     */
    public static Avp raw(int code, int flags, long vendorId, byte[] value) {
        int vendor = (flags & FLAG_VENDOR) != 0 ? (int) vendorId : 0;
        return new Avp(code, flags & 0xff, vendor, Unpooled.wrappedBuffer(value), 0, value.length);
    }

    public static Avp utf8(AvpCode code, CharSequence value) {
        return of(code, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Avp unsigned32(AvpCode code, long value) {
        return of(code, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    public static Avp enumerated(AvpCode code, int value) {
        return unsigned32(code, value);
    }

    public static Avp unsigned64(AvpCode code, long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (56 - 8 * i));
        }
        return of(code, bytes);
    }

    public static Avp address(AvpCode code, InetAddress address) {
        byte[] octets = address.getAddress();
        byte[] value = new byte[2 + octets.length];
        value[1] = (byte) (octets.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        System.arraycopy(octets, 0, value, 2, octets.length);
        return of(code, value);
    }

    public static Avp grouped(AvpCode code, List<Avp> members) {
        int length = 0;
        for (Avp member : members) {
            length += member.encodedLength();
        }
        byte[] value = new byte[length];
        ByteBuf out = Unpooled.wrappedBuffer(value).clear();
        for (Avp member : members) {
            member.writeTo(out);
        }
        return of(code, value);
    }

    /** What Failed-AVP carries for a missing AVP: the AVP with a zero-filled value of minimum length (RFC 6733 §7.1.5). */
    static Avp example(AvpCode code) {
        return of(code, new byte[code.type().minimumLength()]);
    }

    /** The offending AVP's header with a zero-filled value, for an AVP whose own length is wrong (RFC 6733 §7.1.5, 5014). */
    private static Avp headerOnly(int code, int flags, int vendorId) {
        AvpCode definition = AvpCode.valueOf(code, vendorId & 0xffffffffL);
        return new Avp(code, flags, vendorId, Unpooled.wrappedBuffer(new byte[definition.type().minimumLength()]),
                0, definition.type().minimumLength());
    }

    /**
     * An AVP that claims more octets than the message has: its header with the octets that are
     * there, copied (RFC 6733 §7.1.5 asks at least for the header; the octets help the sender more
     * than zeros do).
     */
    private static Avp truncated(int code, int flags, int vendorId, ByteBuf buffer, int offset, int available) {
        byte[] value = new byte[available];
        buffer.getBytes(offset, value);
        return new Avp(code, flags, vendorId, Unpooled.wrappedBuffer(value), 0, available);
    }

    // ---- decoding -------------------------------------------------------------------------

    /**
     * Reads the AVPs in {@code buffer[from, to)}, which start on a four-octet boundary.
     *
     * @throws DiameterException 5014 DIAMETER_INVALID_AVP_LENGTH for an AVP whose length is
     *                           shorter than its header or runs past the end
     */
    static List<Avp> decodeAll(ByteBuf buffer, int from, int to) {
        List<Avp> avps = new ArrayList<>(8);
        decodeAll(buffer, from, to, avps);
        return avps;
    }

    /** As {@link #decodeAll(ByteBuf, int, int)}, into {@code avps}, which keeps the AVPs read before an error. */
    static void decodeAll(ByteBuf buffer, int from, int to, List<Avp> avps) {
        int index = from;
        while (index < to) {
            int remaining = to - index;
            if (remaining < HEADER_LENGTH) {
                int code = remaining >= 4 ? buffer.getInt(index) : 0;
                throw new DiameterException(ResultCode.INVALID_AVP_LENGTH, headerOnly(code, 0, 0),
                        "an AVP header needs 8 octets and only " + remaining + " remain");
            }
            int code = buffer.getInt(index);
            int flags = buffer.getUnsignedByte(index + 4);
            int length = buffer.getUnsignedMedium(index + 5);
            boolean vendor = (flags & FLAG_VENDOR) != 0;
            int headerLength = vendor ? VENDOR_HEADER_LENGTH : HEADER_LENGTH;
            int vendorId = vendor && remaining >= VENDOR_HEADER_LENGTH ? buffer.getInt(index + 8) : 0;
            if (length < headerLength || length > remaining) {
                Avp failed = length < headerLength || remaining < headerLength ? headerOnly(code, flags, vendorId)
                        : truncated(code, flags, vendorId, buffer, index + headerLength, remaining - headerLength);
                throw new DiameterException(ResultCode.INVALID_AVP_LENGTH, failed,
                        AvpCode.valueOf(code, vendorId & 0xffffffffL).name() + " has length " + length + " but "
                                + (length < headerLength ? "its header alone takes " + headerLength
                                        : "only " + remaining + " octets remain"));
            }
            avps.add(new Avp(code, flags, vendorId, buffer, index + headerLength, length - headerLength));
            index += length + 3 & ~3;
        }
    }

    // ---- reading --------------------------------------------------------------------------

    public int code() {
        return code;
    }

    public int flags() {
        return flags;
    }

    /** The Vendor-Id, 0 when the V-bit is clear. */
    public long vendorId() {
        return vendorId & 0xffffffffL;
    }

    /** This AVP's definition (or an unnamed code when ceir does not know it). */
    public AvpCode avpCode() {
        return AvpCode.valueOf(code, vendorId & 0xffffffffL);
    }

    /** True when this AVP has that code and vendor. */
    public boolean is(AvpCode avpCode) {
        return code == avpCode.code() && (vendorId & 0xffffffffL) == avpCode.vendor().value();
    }

    public boolean isMandatory() {
        return (flags & FLAG_MANDATORY) != 0;
    }

    /** The value's length in octets, without header or padding. */
    public int dataLength() {
        return length;
    }

    /** The octets this AVP takes on the wire, padding included. */
    public int encodedLength() {
        return headerLength() + length + 3 & ~3;
    }

    private int headerLength() {
        return (flags & FLAG_VENDOR) != 0 ? VENDOR_HEADER_LENGTH : HEADER_LENGTH;
    }

    public long unsigned32() {
        requireLength(4);
        return buffer.getUnsignedInt(offset);
    }

    public int integer32() {
        requireLength(4);
        return buffer.getInt(offset);
    }

    /** An Enumerated value (RFC 6733 §4.3.1: an Integer32). */
    public int enumerated() {
        return integer32();
    }

    public long unsigned64() {
        requireLength(8);
        return buffer.getLong(offset);
    }

    /** The value as UTF-8 text; 5004 when it is not valid UTF-8 (RFC 6733 §4.3.1). */
    public String utf8() {
        requireUtf8();
        return buffer.toString(offset, length, StandardCharsets.UTF_8);
    }

    /** Checks that the value is valid UTF-8 without decoding it; 5004 otherwise. */
    public void requireUtf8() {
        // ASCII (what identities are) needs no decoding: one pass over the octets, without the
        // per-octet bounds checks of getByte. With requireIdentity's pass, cuts the S13 pipeline
        // from 654 to 570 ns per ECR (S13PipelineBenchmark's main, CPU time).
        if (length > 0 && buffer.forEachByte(offset, length, ASCII) >= 0
                && !ByteBufUtil.isText(buffer, offset, length, StandardCharsets.UTF_8)) {
            throw DiameterException.invalidValue(this, "not valid UTF-8");
        }
    }

    /**
     * A DiameterIdentity (RFC 6733 §4.3.1): printable ASCII without spaces, not empty; 5004 otherwise.
     * Compared without regard to case, as DNS names are.
     */
    public String identity() {
        requireIdentity();
        return buffer.toString(offset, length, StandardCharsets.US_ASCII);
    }

    /** Checks that the value is a Diameter identity without decoding it; 5004 otherwise. */
    public void requireIdentity() {
        if (length == 0) {
            throw DiameterException.invalidValue(this, "empty, and a Diameter identity is a host or realm name");
        }
        int bad = buffer.forEachByte(offset, length, PRINTABLE_ASCII);
        if (bad >= 0) {
            throw DiameterException.invalidValue(this, "a Diameter identity is printable ASCII without spaces (octet "
                    + (buffer.getByte(bad) & 0xff) + " at " + (bad - offset) + ")");
        }
    }

    /** Whether the value is this ASCII text, regardless of case (how Diameter identities compare); no String is made. */
    public boolean valueEqualsIgnoreCase(String ascii) {
        if (ascii.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = buffer.getByte(offset + i) & 0xff;
            char c = ascii.charAt(i);
            if (b != c && Character.toLowerCase(b) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** An Address (RFC 6733 §4.3.1): IPv4 or IPv6 only; 5004 for another family, 5014 for a wrong length. */
    public InetAddress address() {
        if (length < 2) {
            throw invalidLength("an Address has a 2-octet family and the address");
        }
        int family = buffer.getUnsignedShort(offset);
        int expected = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (expected < 0) {
            throw DiameterException.invalidValue(this, "address family " + family + " is not IPv4 (1) or IPv6 (2)");
        }
        if (length != 2 + expected) {
            throw invalidLength("an " + (expected == 4 ? "IPv4" : "IPv6") + " Address has " + (2 + expected) + " octets");
        }
        try {
            return InetAddress.getByAddress(octets(2, expected));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the length was checked", e);
        }
    }

    /** A copy of the value's octets. */
    public byte[] octets() {
        return octets(0, length);
    }

    private byte[] octets(int from, int count) {
        byte[] bytes = new byte[count];
        buffer.getBytes(offset + from, bytes);
        return bytes;
    }

    /**
     * The members of a Grouped AVP (RFC 6733 §4.4). A member with a broken length is reported
     * inside this AVP's header, as Failed-AVP must (RFC 6733 §7.1.5, 5014).
     */
    public List<Avp> grouped() {
        try {
            return decodeAll(buffer, offset, offset + length);
        } catch (DiameterException e) {
            throw within(e);
        }
    }

    /** The same error, its Failed-AVP wrapped in this grouped AVP's header (RFC 6733 §7.5). */
    public DiameterException within(DiameterException e) {
        Avp failed = e.failedAvp() == null ? null : wrap(e.failedAvp());
        return new DiameterException(e.resultCode(), failed, avpCode().name() + ": " + e.getMessage());
    }

    private Avp wrap(Avp member) {
        byte[] value = new byte[member.encodedLength()];
        member.writeTo(Unpooled.wrappedBuffer(value).clear());
        return new Avp(code, flags, vendorId, Unpooled.wrappedBuffer(value), 0, value.length);
    }

    private void requireLength(int expected) {
        if (length != expected) {
            throw invalidLength("a " + avpCode().type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " value has " + expected + " octets, not " + length);
        }
    }

    private DiameterException invalidLength(String why) {
        return new DiameterException(ResultCode.INVALID_AVP_LENGTH, this, avpCode().name() + ": " + why);
    }

    // ---- encoding -------------------------------------------------------------------------

    /** Writes the AVP, header, value and padding (RFC 6733 §4.1). */
    public void writeTo(ByteBuf out) {
        int headerLength = headerLength();
        out.writeInt(code);
        out.writeInt(flags << 24 | headerLength + length);
        if ((flags & FLAG_VENDOR) != 0) {
            out.writeInt(vendorId);
        }
        out.writeBytes(buffer, offset, length);
        out.writeZero(-length & 3);
    }

    /** The same AVP with its value copied out of any message buffer. */
    public Avp copy() {
        return new Avp(code, flags, vendorId, Unpooled.wrappedBuffer(octets()), 0, length);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Avp)) {
            return false;
        }
        Avp that = (Avp) other;
        return code == that.code && flags == that.flags && vendorId == that.vendorId && length == that.length
                && ByteBufUtil.equals(buffer, offset, that.buffer, that.offset, length);
    }

    @Override
    public int hashCode() {
        int hash = code * 31 + vendorId;
        for (int i = 0; i < length; i++) {
            hash = hash * 31 + buffer.getByte(offset + i);
        }
        return hash;
    }

    /** For logs and test failures, e.g. {@code IMEI="35209900176148"} or {@code Result-Code=2001}. */
    @Override
    public String toString() {
        AvpCode definition = avpCode();
        return definition.name() + "=" + render(definition.type());
    }

    private String render(AvpType type) {
        try {
            switch (type) {
                case UTF8_STRING:
                case DIAMETER_IDENTITY:
                    return '"' + utf8() + '"';
                case INTEGER32:
                case ENUMERATED:
                    return Integer.toString(integer32());
                case UNSIGNED32:
                case TIME:
                    return Long.toString(unsigned32());
                case UNSIGNED64:
                    return Long.toUnsignedString(unsigned64());
                case ADDRESS:
                    return address().getHostAddress();
                case GROUPED:
                    StringJoiner members = new StringJoiner(", ", "{", "}");
                    for (Avp member : grouped()) {
                        members.add(member.toString());
                    }
                    return members.toString();
                default:
                    return "0x" + ByteBufUtil.hexDump(buffer, offset, length);
            }
        } catch (DiameterException e) {
            return "0x" + ByteBufUtil.hexDump(buffer, offset, length) + " (" + e.getMessage() + ")";
        }
    }
}
