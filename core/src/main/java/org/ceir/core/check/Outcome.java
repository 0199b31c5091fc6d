package org.ceir.core.check;

import org.ceir.core.status.EquipmentStatus;

/**
 * What a check answers: one of the three equipment statuses, or UNKNOWN when the policy says the
 * EIR does not know the device (S13 Experimental-Result 5422, N5g-eir 404 ERROR_EQUIPMENT_UNKNOWN).
 */
public enum Outcome {
    WHITELISTED,
    BLACKLISTED,
    GREYLISTED,
    UNKNOWN;

    private static final Outcome[] VALUES = values();

    /** The equipment status to send, or null for UNKNOWN. */
    public EquipmentStatus equipmentStatus() {
        switch (this) {
            case WHITELISTED:
                return EquipmentStatus.WHITELISTED;
            case BLACKLISTED:
                return EquipmentStatus.BLACKLISTED;
            case GREYLISTED:
                return EquipmentStatus.GREYLISTED;
            default:
                return null;
        }
    }

    static Outcome ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
