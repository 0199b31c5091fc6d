package org.ceir.core.check;

/**
 * Why a check gave its outcome, in the policy's order of precedence (the first that applies wins).
 * The outcome of some reasons is configurable; see the eir module's policy.
 */
public enum CheckReason {
    /** The IMEI has no usable 14-digit body (wrong length, not digits). */
    MALFORMED_IMEI,
    /** The IMEI's TAC is not in the GSMA catalogue. */
    UNALLOCATED_TAC,
    /** Reported lost or stolen. */
    STOLEN,
    /** A clone, and this SIM is paired with it. */
    CLONE_PAIRED_SIM,
    /** A clone, and this SIM is not paired with it: a refused attach attempt. */
    CLONE_UNPAIRED_SIM,
    /** A clone, checked without an IMSI, so pairing cannot be judged. */
    CLONE_NO_IMSI,
    /** Registered and paid for. */
    REGISTERED,
    /** Used with a foreign SIM (an inbound roamer), exempt from registration. */
    EXEMPT_ROAMER,
    /** A device type that need not be registered (configured). */
    EXEMPT_DEVICE_TYPE,
    /** On the exemption ("golden") list. */
    EXEMPT_LISTED,
    /** Not registered, first seen recently: the days left to register come with the verdict. */
    UNREGISTERED_GRACE,
    /** Not registered, and the grace period has passed. */
    UNREGISTERED_EXPIRED,
    /** Never seen before this check; recorded as first seen now. */
    FIRST_SEEN;

    private static final CheckReason[] VALUES = values();

    static CheckReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
