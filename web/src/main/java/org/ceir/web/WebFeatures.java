package org.ceir.web;

import java.time.Clock;
import java.util.Optional;

import org.ceir.appeals.Appeals;
import org.ceir.appeals.report.ArticleReports;
import org.ceir.ingest.ImportQueue;
import org.ceir.lists.ApiKeys;
import org.ceir.lists.ListRuns;
import org.ceir.lists.ListsSettings;
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
 * @param operators    the operators' side: API keys, list exports, the largest network data file
 *                     their systems upload
 * @param console      the staff console's work pages: the clone cases queue and decisions, the IMEI
 *                     page with its SIMs' timeline, the settings with their overrides (the audit log
 *                     is always served)
 * @param reports      the article's figures for a period: the console's dashboard and its home card
 * @param imports      uploaded files imported in the background, one queue behind two doors: the
 *                     console's imports page (with live progress) and {@code POST /api/v1/operator-data}
 *                     with {@code GET /api/v1/jobs/{id}}; an upload through either is seen through
 *                     both, as far as the caller's role allows. The server does not close it
 */
public record WebFeatures(Optional<RegistrationDesk> registration, Optional<Appeals> appeals, Operators operators,
                          Optional<ConsoleServices> console, Optional<ArticleReports> reports,
                          Optional<ImportQueue> imports) {
    /** Without the dashboard and uploads. */
    public WebFeatures(Optional<RegistrationDesk> registration, Optional<Appeals> appeals, Operators operators,
                       Optional<ConsoleServices> console) {
        this(registration, appeals, operators, console, Optional.empty(), Optional.empty());
    }

    /** No optional feature: the operators' API keys and list downloads only. */
    public static WebFeatures basic(Database database) {
        return new WebFeatures(Optional.empty(), Optional.empty(), Operators.of(database, Clock.systemDefaultZone()),
                Optional.empty());
    }

    public WebFeatures withRegistration(RegistrationDesk service) {
        return new WebFeatures(Optional.of(service), appeals, operators, console, reports, imports);
    }

    public WebFeatures withAppeals(Appeals service) {
        return new WebFeatures(registration, Optional.of(service), operators, console, reports, imports);
    }

    public WebFeatures withOperators(Operators service) {
        return new WebFeatures(registration, appeals, service, console, reports, imports);
    }

    public WebFeatures withConsole(ConsoleServices service) {
        return new WebFeatures(registration, appeals, operators, Optional.of(service), reports, imports);
    }

    public WebFeatures withReports(ArticleReports service) {
        return new WebFeatures(registration, appeals, operators, console, Optional.of(service), imports);
    }

    public WebFeatures withImports(ImportQueue service) {
        return new WebFeatures(registration, appeals, operators, console, reports, Optional.of(service));
    }

    /**
     * What the operators' integration API and its console pages work with (issue 9).
     *
     * @param apiKeys        the keys operators' systems sign requests with
     * @param runs           the list exports, to list and download
     * @param uploadMaxBytes the largest file {@code POST /api/v1/operator-data} takes
     *                       ({@code lists.upload-max-megabytes})
     */
    public record Operators(ApiKeys apiKeys, ListRuns runs, long uploadMaxBytes) {
        /** Keys and list downloads over {@code database}, with the default upload limit. */
        public static Operators of(Database database, Clock clock) {
            return new Operators(new ApiKeys(database, clock), new ListRuns(database),
                    ListsSettings.defaults().uploadMaxBytes());
        }
    }
}
