package org.ceir.diameter.codec;

/**
 * The fixed part of a Diameter message (RFC 6733 §3), less the version (always 1) and the length
 * (worked out when encoding).
 *
 * @param flags       the command flags: {@link #REQUEST}, {@link #PROXIABLE}, {@link #ERROR},
 *                    {@link #RETRANSMITTED}; the four reserved bits are kept as received
 * @param command     the command code
 * @param application the Application-Id
 * @param hopByHop    matches an answer to its request on one connection
 * @param endToEnd    detects duplicate requests end to end
 */
public record DiameterHeader(int flags, CommandCode command, ApplicationId application, int hopByHop, int endToEnd) {
    /** R: a request; clear in an answer. */
    public static final int REQUEST = 0x80;
    /** P: a proxy, relay or redirect agent may handle the message. */
    public static final int PROXIABLE = 0x40;
    /** E: an answer carrying a protocol error (3xxx); never set in a request. */
    public static final int ERROR = 0x20;
    /** T: possibly a retransmission after a link failover. */
    public static final int RETRANSMITTED = 0x10;

    public DiameterHeader {
        if (command == null || application == null) {
            throw new IllegalArgumentException("a Diameter header needs a command and an application");
        }
        flags &= 0xff;
    }

    /** A request header. */
    public static DiameterHeader request(CommandCode command, ApplicationId application, boolean proxiable,
                                         int hopByHop, int endToEnd) {
        return new DiameterHeader(REQUEST | (proxiable ? PROXIABLE : 0), command, application, hopByHop, endToEnd);
    }

    /**
     * The header of the answer to this request (RFC 6733 §6.2): same command, application and
     * identifiers, the P-bit copied, the E-bit set for a protocol error.
     */
    public DiameterHeader answer(boolean protocolError) {
        return new DiameterHeader((flags & PROXIABLE) | (protocolError ? ERROR : 0), command, application,
                hopByHop, endToEnd);
    }

    public boolean isRequest() {
        return (flags & REQUEST) != 0;
    }

    public boolean isProxiable() {
        return (flags & PROXIABLE) != 0;
    }

    public boolean isError() {
        return (flags & ERROR) != 0;
    }

    public boolean isRetransmitted() {
        return (flags & RETRANSMITTED) != 0;
    }

    /** e.g. {@code ECR (hop-by-hop 0x00000001)}. */
    @Override
    public String toString() {
        return (isRequest() ? command.requestName() : command.answerName())
                + (isError() ? " [E]" : "") + " " + application
                + String.format(" (hop-by-hop 0x%08x, end-to-end 0x%08x)", hopByHop, endToEnd);
    }
}
