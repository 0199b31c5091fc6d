package org.ceir.diameter.codec;

/** The data formats of AVP values (RFC 6733 §4.2 and §4.3) that ceir reads and writes. */
public enum AvpType {
    OCTET_STRING(0),
    UTF8_STRING(0),
    /** A fully qualified domain name, ASCII (RFC 6733 §4.3.1). */
    DIAMETER_IDENTITY(0),
    /** Two octets of address family, then the address (RFC 6733 §4.3.1). */
    ADDRESS(6),
    INTEGER32(4),
    UNSIGNED32(4),
    UNSIGNED64(8),
    ENUMERATED(4),
    TIME(4),
    GROUPED(0);

    private final int minimumLength;

    AvpType(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    /** The shortest valid value, in octets: what Failed-AVP carries for a missing AVP (RFC 6733 §7.1.5). */
    public int minimumLength() {
        return minimumLength;
    }
}
