package org.ceir.web;

import java.util.Objects;

import org.ceir.core.country.NumberingPlan;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.Payments;
import org.ceir.registration.PriceList;
import org.ceir.registration.RegistrationSettings;
import org.ceir.registration.Registrations;
import org.ceir.registration.StolenReports;

/**
 * The registration module's services, as the web serves them: the duty calculator, people's
 * applications, payments, importers' batches and lost or stolen reports. {@code app} builds them
 * once for the process and hands them to {@link WebServer}.
 *
 * @param settings      the {@code registration} settings (tariff, owner-ID form, IMEIs per phone)
 * @param numbering     the country's numbering plan, to check contact numbers as people type them
 * @param registrations people's registrations and duty quotes
 * @param payments      payments from providers and clerks
 * @param batches       importers' bulk registrations
 * @param stolen        lost and stolen reports
 * @param prices        the ministry's price catalogue
 */
public record RegistrationDesk(RegistrationSettings settings, NumberingPlan numbering, Registrations registrations,
                               Payments payments, ImporterBatches batches, StolenReports stolen, PriceList prices) {

    public RegistrationDesk {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(numbering, "numbering");
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(stolen, "stolen");
        Objects.requireNonNull(prices, "prices");
    }
}
