package org.ceir.sbi;

import java.util.Optional;

import org.ceir.core.status.EquipmentStatus;

/**
 * What the N5g-eir server answered to one equipment-status request: the status on 200
 * (TS 29.511 EirResponseData), otherwise the ProblemDetails (404 ERROR_EQUIPMENT_UNKNOWN for a
 * device the register does not know, 400 with invalidParams for a bad request).
 *
 * @param httpStatus the HTTP status code
 * @param status     the equipment status, present exactly when httpStatus is 200
 * @param problem    the error, present when httpStatus is not 200
 */
public record N5gEirAnswer(int httpStatus, Optional<EquipmentStatus> status, Optional<ProblemDetails> problem) {

    /** True when the register does not know the device (404 with cause ERROR_EQUIPMENT_UNKNOWN). */
    public boolean equipmentUnknown() {
        return httpStatus == 404 && problem.flatMap(ProblemDetails::cause)
                .filter(ResponseKind.EQUIPMENT_UNKNOWN.cause()::equals).isPresent();
    }

    @Override
    public String toString() {
        if (status.isPresent()) {
            return httpStatus + " " + status.get();
        }
        return httpStatus + problem.map(p -> " " + p.cause().orElse(p.title()) + ": " + p.detail()).orElse("");
    }
}
