package org.ceir.diameter.codec;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.ceir.core.check.Outcome;

/**
 * The common ECR answered in one pass over its octets: no {@link DiameterMessage}, no
 * {@link Avp}, no list; the IMEI and IMSI handed to the check as views over the request, and the
 * ECA written from the request's identifiers and Session-Id and an {@link EcaTemplate}.
 *
 * <p>{@link #scan} accepts only what {@link MeIdentityCheckRequest#from} would accept and the
 * server would answer with a plain ECA: the ECR header (R and P set, E clear), each AVP once,
 * ASCII Session-Id, User-Name and IMEI, Diameter identities for the hosts and realms,
 * Auth-Session-State 0 or 1, no Proxy-Info, no unknown AVP with the M-bit. Anything else (an
 * error to report, a Proxy-Info to echo, a non-ASCII UTF-8 value) returns false, and the caller
 * decodes the frame with {@link DiameterMessageDecoder} and answers it the general way, which
 * knows every result code and Failed-AVP. {@code EcrFastPathProperties} checks that both ways
 * give the same octets.
 *
 * <p>One per connection: it keeps a copy of the last frame scanned (at most {@value #MAX_FRAME}
 * octets; a longer ECR goes the general way), which {@link #imei()}, {@link #imsi()} and
 * {@link #writeAnswer} read, so the frame itself may be released once scanned.
 */
public final class EcrFastPath {
    private static final int FLAGS_CHECKED = DiameterHeader.REQUEST | DiameterHeader.PROXIABLE | DiameterHeader.ERROR;
    private static final int ECR_FLAGS = DiameterHeader.REQUEST | DiameterHeader.PROXIABLE;
    private static final int ECR = CommandCode.ME_IDENTITY_CHECK.value();
    private static final int S13 = (int) ApplicationId.S13.value();
    private static final int TGPP = (int) VendorId.TGPP.value();
    private static final int FIRST_WORD = DiameterHeader.PROXIABLE << 24 | ECR;

    /** The longest ECR the fast path takes, in octets; a common one has about 250. */
    static final int MAX_FRAME = 2048;

    private final EcaTemplate template;
    /** The scanned frame, copied: reading a byte[] skips a ByteBuf's bounds and reference checks on every read. */
    private final byte[] octets = new byte[MAX_FRAME];
    private final ByteBuf octetsView = Unpooled.wrappedBuffer(octets);
    private final AsciiView imei = new AsciiView();
    private final AsciiView imsi = new AsciiView();
    private int sessionId;
    private int sessionIdLength;
    private boolean authSessionState;
    private boolean originHost;
    private boolean originRealm;
    private int destinationHost;
    private int destinationHostLength;
    private int destinationRealm;
    private int destinationRealmLength;
    private boolean terminalInformation;
    private int imeiAt;
    private int imeiLength;
    private boolean softwareVersion;
    private int userName;
    private int userNameLength;

    public EcrFastPath(EcaTemplate template) {
        this.template = template;
    }

    /**
     * Reads {@code frame} (one whole message) as an ECR; true when it is one the fast path
     * answers, false when it must go the general way. Never throws for any octets.
     */
    public boolean scan(ByteBuf frame) {
        int length = frame.readableBytes();
        if (length < DiameterMessage.HEADER_LENGTH || length > MAX_FRAME || (length & 3) != 0) {
            return false;
        }
        frame.getBytes(frame.readerIndex(), octets, 0, length);
        if (int32(0) != (DiameterMessage.VERSION << 24 | length) || (octets[4] & FLAGS_CHECKED) != ECR_FLAGS
                || (int32(4) & 0xffffff) != ECR || int32(8) != S13) {
            return false;
        }
        sessionId = -1;
        authSessionState = false;
        originHost = false;
        originRealm = false;
        destinationHost = -1;
        destinationRealm = -1;
        terminalInformation = false;
        imeiAt = -1;
        softwareVersion = false;
        userName = -1;
        for (int index = DiameterMessage.HEADER_LENGTH; index < length; ) {
            int avpLength = avpLength(index, length);
            if (avpLength < 0 || !topLevel(index, avpLength)) {
                return false;
            }
            index += avpLength + 3 & ~3;
        }
        return sessionId >= 0 && authSessionState && originHost && originRealm && destinationRealm >= 0
                && terminalInformation;
    }

    /**
     * The length of the AVP at {@code index} (header and value, without padding), or -1 when it
     * is shorter than its header or runs past {@code end} (RFC 6733 §4.1).
     */
    private int avpLength(int index, int end) {
        int remaining = end - index;
        if (remaining < Avp.HEADER_LENGTH) {
            return -1;
        }
        int length = int32(index + 4) & 0xffffff;
        int headerLength = headerLength(index);
        return length < headerLength || length > remaining ? -1 : length;
    }

    private int headerLength(int index) {
        return (octets[index + 4] & Avp.FLAG_VENDOR) != 0 ? Avp.VENDOR_HEADER_LENGTH : Avp.HEADER_LENGTH;
    }

    private int vendorId(int index) {
        return (octets[index + 4] & Avp.FLAG_VENDOR) != 0 ? int32(index + 8) : 0;
    }

    private boolean mandatory(int index) {
        return (octets[index + 4] & Avp.FLAG_MANDATORY) != 0;
    }

    /** One top-level AVP of the ECR's grammar (TS 29.272 §7.2.19); false to fall back. */
    private boolean topLevel(int index, int length) {
        int code = int32(index);
        int vendor = vendorId(index);
        int value = index + headerLength(index);
        int valueLength = index + length - value;
        if (vendor == TGPP && code == AvpCode.TERMINAL_INFORMATION.code()) {
            if (terminalInformation) {
                return false;
            }
            terminalInformation = true;
            return terminalInformation(value, value + valueLength);
        }
        if (vendor != 0) {
            return !mandatory(index);
        }
        switch (code) {
            case 263: // Session-Id
                if (sessionId >= 0 || !ascii(value, valueLength)) {
                    return false;
                }
                sessionId = index;
                sessionIdLength = length;
                return true;
            case 277: // Auth-Session-State: STATE_MAINTAINED (0) or NO_STATE_MAINTAINED (1)
                if (authSessionState || valueLength != 4 || (int32(value) & ~1) != 0) {
                    return false;
                }
                authSessionState = true;
                return true;
            case 264: // Origin-Host
                if (originHost || !identity(value, valueLength)) {
                    return false;
                }
                originHost = true;
                return true;
            case 296: // Origin-Realm
                if (originRealm || !identity(value, valueLength)) {
                    return false;
                }
                originRealm = true;
                return true;
            case 293: // Destination-Host
                if (destinationHost >= 0 || !identity(value, valueLength)) {
                    return false;
                }
                destinationHost = value;
                destinationHostLength = valueLength;
                return true;
            case 283: // Destination-Realm
                if (destinationRealm >= 0 || !identity(value, valueLength)) {
                    return false;
                }
                destinationRealm = value;
                destinationRealmLength = valueLength;
                return true;
            case 1: // User-Name: the IMSI
                if (userName >= 0 || !ascii(value, valueLength)) {
                    return false;
                }
                userName = value;
                userNameLength = valueLength;
                return true;
            case 284: // Proxy-Info: to be echoed in order, which the general answer does
                return false;
            case 260: // Vendor-Specific-Application-Id
            case 282: // Route-Record
            case 301: // DRMP
                return true;
            default:
                return !mandatory(index);
        }
    }

    /** Terminal-Information's members in {@code [from, to)}: IMEI once, Software-Version at most once. */
    private boolean terminalInformation(int from, int to) {
        for (int index = from; index < to; ) {
            int length = avpLength(index, to);
            if (length < 0) {
                return false;
            }
            int code = int32(index);
            int value = index + headerLength(index);
            int valueLength = index + length - value;
            if (vendorId(index) == TGPP && code == AvpCode.IMEI.code()) {
                if (imeiAt >= 0 || !ascii(value, valueLength)) {
                    return false;
                }
                imeiAt = value;
                imeiLength = valueLength;
            } else if (vendorId(index) == TGPP && code == AvpCode.SOFTWARE_VERSION.code()) {
                if (softwareVersion || !ascii(value, valueLength)) {
                    return false;
                }
                softwareVersion = true;
            } else if (!(vendorId(index) == TGPP && code == AvpCode.MEID_3GPP2.code()) && mandatory(index)) {
                return false;
            }
            index += length + 3 & ~3;
        }
        return imeiAt >= 0;
    }

    private int int32(int index) {
        return octets[index] << 24 | (octets[index + 1] & 0xff) << 16 | (octets[index + 2] & 0xff) << 8
                | octets[index + 3] & 0xff;
    }

    private static void putInt(byte[] to, int index, int value) {
        to[index] = (byte) (value >>> 24);
        to[index + 1] = (byte) (value >>> 16);
        to[index + 2] = (byte) (value >>> 8);
        to[index + 3] = (byte) value;
    }

    private boolean ascii(int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (octets[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A DiameterIdentity: printable ASCII without spaces, not empty (RFC 6733 §4.3.1). */
    private boolean identity(int from, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = from, end = from + length; i < end; i++) {
            if (octets[i] <= ' ' || octets[i] >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether the scanned ECR is for {@code origin}: its Destination-Realm, and its Destination-Host if any. */
    public boolean isFor(Origin origin) {
        return equalsIgnoreCase(destinationRealm, destinationRealmLength, origin.realm())
                && (destinationHost < 0 || equalsIgnoreCase(destinationHost, destinationHostLength, origin.host()));
    }

    private boolean equalsIgnoreCase(int from, int length, String ascii) {
        if (ascii.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = octets[from + i] & 0xff;
            char c = ascii.charAt(i);
            if (b != c && Character.toLowerCase(b) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** The scanned ECR's IMEI, a view over its octets (valid until the next scan). */
    public CharSequence imei() {
        return imei.wrap(octetsView, imeiAt, imeiLength);
    }

    /** The scanned ECR's User-Name (the IMSI) as a view over its octets, or null when it has none. */
    public CharSequence imsi() {
        return userName < 0 ? null : imsi.wrap(octetsView, userName, userNameLength);
    }

    /** The octets of the ECA to the scanned ECR. */
    public int answerLength(Outcome outcome) {
        return DiameterMessage.HEADER_LENGTH + (sessionIdLength + 3 & ~3) + template.tail(outcome).length;
    }

    /**
     * Appends the ECA to the scanned ECR: its identifiers, the P-bit, its Session-Id as sent, and
     * the outcome's template (TS 29.272 §7.2.20; RFC 6733 §6.2).
     *
     * @param out a heap buffer (one with an array), written through its array
     */
    public void writeAnswer(ByteBuf out, Outcome outcome) {
        if (!out.hasArray()) {
            throw new IllegalArgumentException("the fast path writes answers into a heap buffer, not " + out);
        }
        int length = answerLength(outcome);
        byte[] tail = template.tail(outcome);
        out.ensureWritable(length);
        byte[] to = out.array();
        int at = out.arrayOffset() + out.writerIndex();
        putInt(to, at, DiameterMessage.VERSION << 24 | length);
        putInt(to, at + 4, FIRST_WORD);
        putInt(to, at + 8, S13);
        System.arraycopy(octets, 12, to, at + 12, 8); // Hop-by-Hop and End-to-End
        at += DiameterMessage.HEADER_LENGTH;
        System.arraycopy(octets, sessionId, to, at, sessionIdLength);
        int padded = sessionIdLength + 3 & ~3;
        Arrays.fill(to, at + sessionIdLength, at + padded, (byte) 0);
        System.arraycopy(tail, 0, to, at + padded, tail.length);
        out.writerIndex(out.writerIndex() + length);
    }
}
