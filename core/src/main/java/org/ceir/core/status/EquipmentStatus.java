package org.ceir.core.status;

/**
 * The answer to a device check, as the networks know it: TS 29.272 §7.3.51 Equipment-Status
 * (S13) and TS 29.511 §6.2.6.3.3 EquipmentStatus (N5g-eir).
 */
public enum EquipmentStatus {
    /** The device may use the network. */
    WHITELISTED(0),
    /** The device may not use the network. */
    BLACKLISTED(1),
    /** The device may use the network for now, and is watched (e.g. a grace period runs). */
    GREYLISTED(2);

    private final int s13Code;

    EquipmentStatus(int s13Code) {
        this.s13Code = s13Code;
    }

    /** The value of the S13 Equipment-Status AVP (1445). */
    public int s13Code() {
        return s13Code;
    }

    /** The status for an S13 Equipment-Status value. */
    public static EquipmentStatus ofS13Code(int code) {
        for (EquipmentStatus status : values()) {
            if (status.s13Code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("Equipment-Status " + code + " is not 0, 1 or 2 (TS 29.272 §7.3.51)");
    }
}
