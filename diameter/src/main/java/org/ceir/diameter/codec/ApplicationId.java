package org.ceir.diameter.codec;

/**
 * A Diameter application (RFC 6733 §2.4): the header's Application-Id and the value of the
 * Auth-Application-Id and Acct-Application-Id AVPs. The space is open; {@link #valueOf} never throws.
 */
public final class ApplicationId {
    /** The base protocol's own messages: CER, DWR, DPR (RFC 6733 §2.4). */
    public static final ApplicationId COMMON = new ApplicationId(0, "Diameter common messages");
    /** S13 and S13', the MME's and SGSN's questions to the EIR (TS 29.272 §7.1.8). */
    public static final ApplicationId S13 = new ApplicationId(16777252, "3GPP S13/S13'");
    /** A relay forwards every application (RFC 6733 §2.4): a DRA advertises it. */
    public static final ApplicationId RELAY = new ApplicationId(0xffffffffL, "Relay");

    private final long value;
    private final String name;

    private ApplicationId(long value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The application with this number (read as unsigned 32 bits); never throws. */
    public static ApplicationId valueOf(long value) {
        long unsigned = value & 0xffffffffL;
        if (unsigned == COMMON.value) {
            return COMMON;
        }
        if (unsigned == S13.value) {
            return S13;
        }
        if (unsigned == RELAY.value) {
            return RELAY;
        }
        return new ApplicationId(unsigned, null);
    }

    public long value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationId && ((ApplicationId) other).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return name == null ? "application " + value : name + " (" + value + ")";
    }
}
