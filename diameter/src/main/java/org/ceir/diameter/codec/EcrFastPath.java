package org.ceir.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
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
 * <p>One per connection: it remembers the last frame scanned, which must stay unreleased while
 * {@link #imei()}, {@link #imsi()} and {@link #writeAnswer} read it.
 */
public final class EcrFastPath {
    private static final int FLAGS_CHECKED = DiameterHeader.REQUEST | DiameterHeader.PROXIABLE | DiameterHeader.ERROR;
    private static final int ECR_FLAGS = DiameterHeader.REQUEST | DiameterHeader.PROXIABLE;
    private static final int ECR = CommandCode.ME_IDENTITY_CHECK.value();
    private static final int S13 = (int) ApplicationId.S13.value();
    private static final int TGPP = (int) VendorId.TGPP.value();
    private static final int FIRST_WORD = DiameterHeader.PROXIABLE << 24 | ECR;
    private static final ByteProcessor ASCII = b -> b >= 0;
    private static final ByteProcessor PRINTABLE_ASCII = b -> b > ' ' && b < 0x7f;

    private final EcaTemplate template;
    private final AsciiView imei = new AsciiView();
    private final AsciiView imsi = new AsciiView();
    private ByteBuf frame;
    private int start;
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
        this.frame = frame;
        start = frame.readerIndex();
        int length = frame.readableBytes();
        if (length < DiameterMessage.HEADER_LENGTH || (length & 3) != 0
                || frame.getInt(start) != (DiameterMessage.VERSION << 24 | length)
                || (frame.getUnsignedByte(start + 4) & FLAGS_CHECKED) != ECR_FLAGS
                || frame.getUnsignedMedium(start + 5) != ECR || frame.getInt(start + 8) != S13) {
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
        int end = start + length;
        for (int index = start + DiameterMessage.HEADER_LENGTH; index < end; ) {
            int avpLength = avpLength(index, end);
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
        int length = frame.getUnsignedMedium(index + 5);
        int headerLength = headerLength(index);
        return length < headerLength || length > remaining ? -1 : length;
    }

    private int headerLength(int index) {
        return (frame.getByte(index + 4) & Avp.FLAG_VENDOR) != 0 ? Avp.VENDOR_HEADER_LENGTH : Avp.HEADER_LENGTH;
    }

    private int vendorId(int index) {
        return (frame.getByte(index + 4) & Avp.FLAG_VENDOR) != 0 ? frame.getInt(index + 8) : 0;
    }

    private boolean mandatory(int index) {
        return (frame.getByte(index + 4) & Avp.FLAG_MANDATORY) != 0;
    }

    /** One top-level AVP of the ECR's grammar (TS 29.272 §7.2.19); false to fall back. */
    private boolean topLevel(int index, int length) {
        int code = frame.getInt(index);
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
                if (authSessionState || valueLength != 4 || (frame.getInt(value) & ~1) != 0) {
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
            int code = frame.getInt(index);
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

    private boolean ascii(int from, int length) {
        return frame.forEachByte(from, length, ASCII) < 0;
    }

    /** A DiameterIdentity: printable ASCII without spaces, not empty (RFC 6733 §4.3.1). */
    private boolean identity(int from, int length) {
        return length > 0 && frame.forEachByte(from, length, PRINTABLE_ASCII) < 0;
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
            int b = frame.getByte(from + i) & 0xff;
            char c = ascii.charAt(i);
            if (b != c && Character.toLowerCase(b) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** The scanned ECR's IMEI, a view over the frame. */
    public CharSequence imei() {
        return imei.wrap(frame, imeiAt, imeiLength);
    }

    /** The scanned ECR's User-Name (the IMSI) as a view over the frame, or null when it has none. */
    public CharSequence imsi() {
        return userName < 0 ? null : imsi.wrap(frame, userName, userNameLength);
    }

    /** The octets of the ECA to the scanned ECR. */
    public int answerLength(Outcome outcome) {
        return DiameterMessage.HEADER_LENGTH + (sessionIdLength + 3 & ~3) + template.tail(outcome).length;
    }

    /**
     * Appends the ECA to the scanned ECR: its identifiers, the P-bit, its Session-Id as sent, and
     * the outcome's template (TS 29.272 §7.2.20; RFC 6733 §6.2).
     */
    public void writeAnswer(ByteBuf out, Outcome outcome) {
        out.writeInt(DiameterMessage.VERSION << 24 | answerLength(outcome));
        out.writeInt(FIRST_WORD);
        out.writeInt(S13);
        out.writeLong(frame.getLong(start + 12)); // Hop-by-Hop and End-to-End
        out.writeBytes(frame, sessionId, sessionIdLength);
        out.writeZero(-sessionIdLength & 3);
        out.writeBytes(template.tail(outcome));
    }
}
