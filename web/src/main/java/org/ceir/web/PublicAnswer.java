package org.ceir.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.ceir.core.check.DeviceState;
import org.ceir.core.identity.Imei;

/**
 * The public answer about one IMEI: a status and, where it applies, the days left to register.
 * Built from {@link DeviceState}, which holds no owner, number or IMSI, so none can leak; a
 * suspected clone that no analyst has confirmed is not told (an open investigation is not public).
 *
 * @param imei      the IMEI with its check digit, as the phone shows it
 * @param status    what to tell
 * @param daysLeft  days until the grace period ends (0 on its last day), for UNREGISTERED_GRACE
 * @param graceEnds the last day it may be used unregistered, if a grace period applies
 * @param model     the make and model its TAC names, if the catalogue knows it
 * @param tacUnknown the TAC catalogue is loaded and does not know this TAC: mistyped or fake
 */
record PublicAnswer(String imei, PublicStatus status, Integer daysLeft, LocalDate graceEnds,
                    Optional<TacCatalogue.Model> model, boolean tacUnknown) {

    static PublicAnswer of(Imei imei, DeviceState state, LocalDate today, Optional<TacCatalogue.Model> model,
                           boolean tacUnknown) {
        PublicStatus status;
        Integer daysLeft = null;
        LocalDate graceEnds = state.graceEnds().orElse(null);
        if (state.stolen()) {
            status = PublicStatus.STOLEN;
        } else if (state.cloned()) {
            status = PublicStatus.CLONE;
        } else if (state.registered()) {
            status = PublicStatus.REGISTERED;
        } else if (state.exempt()) {
            status = PublicStatus.EXEMPT;
        } else if (graceEnds != null) {
            long days = ChronoUnit.DAYS.between(today, graceEnds);
            status = days >= 0 ? PublicStatus.UNREGISTERED_GRACE : PublicStatus.UNREGISTERED_BLOCKED;
            daysLeft = days >= 0 ? (int) days : null;
        } else if (state.firstSeen().isPresent()) {
            status = PublicStatus.UNREGISTERED;
        } else {
            status = PublicStatus.NEVER_SEEN;
        }
        if (status != PublicStatus.UNREGISTERED_GRACE && status != PublicStatus.UNREGISTERED_BLOCKED) {
            graceEnds = null;
        }
        return new PublicAnswer(imei.toString(), status, daysLeft, graceEnds, model, tacUnknown);
    }
}
