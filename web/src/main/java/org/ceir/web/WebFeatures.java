package org.ceir.web;

import java.time.Clock;
import java.util.Optional;

import org.ceir.appeals.Appeals;
import org.ceir.appeals.report.ArticleReports;
import org.ceir.lists.ApiKeys;
import org.ceir.lists.ListRuns;
import org.ceir.lists.OperatorUploads;
import org.ceir.store.Database;

/**
 * The services behind the web's features that live in other modules. The web server adds a
 * feature's pages and API only when its service is here; {@code ceir serve} passes them all, tests
 * pass what they exercise. A new feature adds a component and a {@code with…} method.
 *
 * @param registration registration: the public duty calculator, application, "where is my
 *                     registration" and lost or stolen report; {@code POST /api/v1/payments} for
 *                     payment providers; the console's registrations, importer uploads and stolen
 *                     reports; {@code /api/v1/registrations} and {@code /api/v1/stolen-reports}
 * @param appeals      appeals and clone cases: public filing and status, the console's queue and
 *                     decisions, {@code /api/v1/appeals} and {@code /api/v1/cases}
 * @param operators    the operators' side: API keys, list exports, uploads of network data
 * @param console      the staff console's work pages: the clone cases queue and decisions, the IMEI
 *                     page with its SIMs' timeline, imports with live progress, the settings with
 *                     their overrides (the audit log is always served)
 * @param reports      the article's figures for a period: the console's dashboard and its home card
 */
public record WebFeatures(Optional<RegistrationDesk> registration, Optional<Appeals> appeals, Operators operators,
                          Optional<ConsoleServices> console, Optional<ArticleReports> reports) {
    /** Without the dashboard. */
    public WebFeatures(Optional<RegistrationDesk> registration, Optional<Appeals> appeals, Operators operators,
                       Optional<ConsoleServices> console) {
        this(registration, appeals, operators, console, Optional.empty());
    }

    /** No optional feature: the operators' API keys and list downloads only. */
    public static WebFeatures basic(Database database) {
        return new WebFeatures(Optional.empty(), Optional.empty(),
                Operators.withoutUploads(database, Clock.systemDefaultZone()), Optional.empty());
    }

    public WebFeatures withRegistration(RegistrationDesk service) {
        return new WebFeatures(Optional.of(service), appeals, operators, console, reports);
    }

    public WebFeatures withAppeals(Appeals service) {
        return new WebFeatures(registration, Optional.of(service), operators, console, reports);
    }

    public WebFeatures withOperators(Operators service) {
        return new WebFeatures(registration, appeals, service, console, reports);
    }

    public WebFeatures withConsole(ConsoleServices service) {
        return new WebFeatures(registration, appeals, operators, Optional.of(service), reports);
    }

    public WebFeatures withReports(ArticleReports service) {
        return new WebFeatures(registration, appeals, operators, console, Optional.of(service));
    }

    /**
     * What the operators' integration API and its console pages work with (issue 9).
     *
     * @param apiKeys the keys operators' systems sign requests with
     * @param runs    the list exports, to list and download
     * @param uploads the importer of uploaded network data files; empty where this server takes none
     */
    public record Operators(ApiKeys apiKeys, ListRuns runs, Optional<OperatorUploads> uploads) {
        /** Keys and list downloads, without uploads (they need the importer's settings). */
        public static Operators withoutUploads(Database database, Clock clock) {
            return new Operators(new ApiKeys(database, clock), new ListRuns(database), Optional.empty());
        }
    }
}
