package org.ceir.diameter.codec;

/**
 * A vendor of AVPs and applications: an IANA Private Enterprise Number (RFC 6733 §5.3.3). The
 * space is open, so {@link #valueOf} accepts any value and names only the ones ceir knows.
 */
public final class VendorId {
    /** No vendor: the IETF's own AVPs and applications. */
    public static final VendorId NONE = new VendorId(0, "IETF");
    /** 3GPP, the vendor of the S13 AVPs (TS 29.272 §7.3). */
    public static final VendorId TGPP = new VendorId(10415, "3GPP");

    private final long value;
    private final String name;

    private VendorId(long value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The vendor with this number; never throws (an unknown number gets an unnamed instance). */
    public static VendorId valueOf(long value) {
        if (value == NONE.value) {
            return NONE;
        }
        if (value == TGPP.value) {
            return TGPP;
        }
        return new VendorId(value & 0xffffffffL, null);
    }

    /** The number, 0 to 2^32-1. */
    public long value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VendorId && ((VendorId) other).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return name == null ? "vendor " + value : name + " (" + value + ")";
    }
}
