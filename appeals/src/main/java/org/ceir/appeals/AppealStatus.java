package org.ceir.appeals;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an appeal is: RECEIVED → UNDER_REVIEW → APPROVED | REJECTED, with INFO_REQUESTED in between
 * while the analyst waits for the applicant.
 */
public enum AppealStatus {
    RECEIVED,
    UNDER_REVIEW,
    INFO_REQUESTED,
    APPROVED,
    REJECTED;

    /** The statuses of an appeal not decided yet. */
    public static final Set<AppealStatus> OPEN = EnumSet.of(RECEIVED, UNDER_REVIEW, INFO_REQUESTED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
