package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.Refusal;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.Registrations;
import org.ceir.registration.duty.Money;

/**
 * Registrations in the console. Clerks register a person's phone at a post office, confirm the
 * payment they took, and upload an importer's batch (with its per-row report when refused);
 * administrators, analysts and auditors read. The list searches by reference or IMEI in the address
 * bar, and by the owner's ID only in a posted form: an ID never travels in a URL (browser history,
 * proxies' logs), is never shown back in full, and each such search is audited.
 */
final class RegistrationConsole implements RouteGroup {
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);
    /** Registrations per page of the list. */
    static final int PAGE = 50;
    /** Rows of a refused batch's report shown on the page (the import's report keeps 10,000). */
    static final int REPORT_ROWS = 1_000;
    /** Where a clerk uploads an importer's batch file. */
    static final String IMPORT_PATH = "/console/registrations/import";
    private static final List<String> STATUSES = List.of("PENDING_PAYMENT", "ACTIVE", "CANCELLED");

    private final RegistrationDesk desk;
    private final PriceChoices choices;
    private final TacCatalogue catalogue;
    private final View view;
    private final DutyText duty;

    RegistrationConsole(RegistrationDesk desk, PriceChoices choices, TacCatalogue catalogue, View view, DutyText duty) {
        this.desk = desk;
        this.choices = choices;
        this.catalogue = catalogue;
        this.view = view;
        this.duty = duty;
    }

    @Override
    public List<Route> routes() {
        Access readers = Access.staff(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);
        Access clerk = Access.staff(Role.CLERK);
        return List.of(
                Route.get("/console/registrations", readers, this::list),
                Route.post("/console/registrations/by-owner", readers, this::byOwner),
                Route.get("/console/registrations/new", clerk, ctx -> form(ctx, 200,
                        ApplicationForm.blank(null, null), null)),
                Route.post("/console/registrations", clerk, this::register),
                Route.get(IMPORT_PATH, clerk, ctx -> upload(ctx, 200, Map.of())),
                Route.post(IMPORT_PATH, clerk, this::importBatch),
                Route.get("/console/registrations/{reference}", readers, this::show),
                Route.post("/console/registrations/{reference}/payment", clerk, this::confirmPayment));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/registrations", "nav.registrations", READERS));
    }

    /** What the list shows: one page, and how it was found. */
    record Listing(List<Registrations.Registration> registrations, String status, String query, int offset,
                   boolean more, String searched) {
    }

    private void list(Context ctx) {
        Page page = view.page(ctx, "registrations.title");
        String wanted = ctx.queryParam("status");
        String status = wanted != null && STATUSES.contains(wanted) ? wanted : "";
        String query = text(ctx.queryParam("q"));
        int offset = Math.max(0, parse(ctx.queryParam("offset")));
        if (query.isEmpty()) {
            List<Registrations.Registration> found = desk.registrations().list(Optional.of(status)
                    .filter(s -> !s.isEmpty()), PAGE + 1, offset);
            renderList(ctx, 200, page, new Listing(found.subList(0, Math.min(PAGE, found.size())), status, "", offset,
                    found.size() > PAGE, null), null);
            return;
        }
        String reference = query.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (PublicRegistrationPages.REFERENCE.matcher(reference).matches()) {
            if (desk.registrations().find(reference).isPresent()) {
                ctx.redirect("/console/registrations/" + reference, HttpStatus.SEE_OTHER);
                return;
            }
            renderList(ctx, 404, page, new Listing(List.of(), status, query, 0, false,
                    page.t("registrations.searched.reference", reference)), page.t("registrations.none"));
            return;
        }
        try {
            String imei = Imei.parse(query).toString();
            List<Registrations.Registration> found = desk.registrations().withImei(imei);
            renderList(ctx, 200, page, new Listing(found, status, query, 0, false,
                    page.t("registrations.searched.imei", imei)), found.isEmpty() ? page.t("registrations.none") : null);
        } catch (InvalidIdentityException e) {
            ImeiInputError error = ImeiInputError.of(query, e);
            renderList(ctx, 400, page, new Listing(List.of(), status, query, 0, false, null),
                    page.t("registrations.search-error") + " " + page.t(error.messageKey(), error.args()));
        }
    }

    private void byOwner(Context ctx) {
        Page page = view.page(ctx, "registrations.title");
        String id = text(ctx.formParam("ownerId"));
        try {
            List<Registrations.Registration> found = desk.registrations().searchByOwner(id,
                    Requests.principal(ctx).username());
            String masked = found.isEmpty() ? "" : found.get(0).ownerMasked();
            renderList(ctx, 200, page, new Listing(found, "", "", 0, false,
                    page.t("registrations.searched.owner", desk.settings().ownerIdName(), masked)),
                    found.isEmpty() ? page.t("registrations.none") : null);
        } catch (RegistrationException e) {
            renderList(ctx, 400, page, new Listing(List.of(), "", "", 0, false, null),
                    page.t(id.isEmpty() ? "apply.error.owner-id-missing" : "apply.error.owner-id",
                            desk.settings().ownerIdName()));
        }
    }

    private void renderList(Context ctx, int status, Page page, Listing listing, String notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("listing", listing);
        model.put("statuses", STATUSES);
        model.put("notice", notice);
        model.put("ownerIdName", desk.settings().ownerIdName());
        model.put("clerk", page.user().has(Role.CLERK));
        view.render(ctx, status, "registrations", page, model);
    }

    private void register(Context ctx) {
        boolean more = "more".equals(ctx.formParam("action"));
        ApplicationForm form = ApplicationForm.posted(ctx, desk.settings().maxImeisPerPhone(), more);
        if (more) {
            form(ctx, 200, form, null);
            return;
        }
        if (!form.check(desk)) {
            form(ctx, 400, form, null);
            return;
        }
        try {
            Registrations.Registration registration = desk.registrations().registerPhone(form.application(),
                    Requests.principal(ctx).username());
            ctx.redirect("/console/registrations/" + registration.reference() + "?done=registered", HttpStatus.SEE_OTHER);
        } catch (RegistrationException e) {
            boolean aboutImeis = form.refused(e, catalogue);
            form(ctx, e.kind() == RegistrationException.Kind.CONFLICT ? 409 : 400, form, aboutImeis ? null
                    : view.page(ctx, "apply.title").t("apply.error.other", e.getMessage()));
        }
    }

    private void form(Context ctx, int status, ApplicationForm form, String formError) {
        view.render(ctx, status, "regnew", view.page(ctx, "regnew.title"), form.model(formError, desk, choices));
    }

    private void show(Context ctx) {
        render(ctx, 200, ctx.pathParam("reference"), null, ctx.queryParam("done"));
    }

    private void render(Context ctx, int status, String reference, String error, String done) {
        Page page = view.page(ctx, "registration.title");
        Registrations.Details details = desk.registrations().details(reference).orElseThrow(() -> new Problem(404,
                "not-found", page.t("registration.not-found", reference)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("details", details);
        model.put("quote", details.registration().quote().map(q -> duty.show(q, page.language())).orElse(null));
        model.put("clerk", page.user().has(Role.CLERK));
        model.put("error", error);
        model.put("done", done == null || !done.matches("[a-z]{1,20}") ? null : page.t("registration.done." + done));
        view.render(ctx, status, "registration", page, model);
    }

    private void confirmPayment(Context ctx) {
        String reference = ctx.pathParam("reference");
        Page page = view.page(ctx, "registration.title");
        Registrations.Registration registration = desk.registrations().find(reference).orElseThrow(() ->
                new Problem(404, "not-found", page.t("registration.not-found", reference)));
        String typed = text(ctx.formParam("amount"));
        Optional<BigDecimal> amount;
        try {
            amount = typed.isEmpty() ? Optional.empty() : Optional.of(Money.parse(typed, "amount"));
        } catch (IllegalArgumentException e) {
            render(ctx, 400, reference, page.t("payment.error.amount"), null);
            return;
        }
        if (!"PENDING_PAYMENT".equals(registration.status())) {
            render(ctx, 409, reference, page.t("payment.error.not-pending",
                    page.t("registration.status." + registration.status())), null);
            return;
        }
        if (amount.isPresent() && amount.get().compareTo(registration.duty()) != 0) {
            render(ctx, 400, reference, page.t("payment.error.mismatch", Money.format(amount.get(),
                    registration.currency()), Money.format(registration.duty(), registration.currency())), null);
            return;
        }
        String receipt = text(ctx.formParam("receipt"));
        if (receipt.length() > 100) {
            render(ctx, 400, reference, page.t("payment.error.receipt"), null);
            return;
        }
        try {
            desk.payments().confirmByClerk(registration.reference(), amount, Optional.of(receipt).filter(r -> !r.isEmpty()),
                    Requests.principal(ctx).username());
        } catch (RegistrationException e) {
            render(ctx, e.kind() == RegistrationException.Kind.CONFLICT ? 409 : 400, reference,
                    page.t("payment.error.other", e.getMessage()), null);
            return;
        }
        ctx.redirect("/console/registrations/" + registration.reference() + "?done=paid", HttpStatus.SEE_OTHER);
    }

    private void importBatch(Context ctx) {
        Page page = view.page(ctx, "regimport.title");
        String importer = text(ctx.formParam("importer"));
        UploadedFile file = ctx.uploadedFile("file");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("importer", importer);
        if (importer.isEmpty() || importer.length() > 200 || file == null || file.size() == 0) {
            model.put("error", page.t(importer.isEmpty() || importer.length() > 200 ? "regimport.error.importer"
                    : "regimport.error.file"));
            upload(ctx, 400, model);
            return;
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("ceir-batch");
            Path saved = directory.resolve(Uploads.safeName(file.filename()));
            try (InputStream in = file.content()) {
                Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
            }
            ImporterBatches.Result result = desk.batches().importCsv(saved, importer, Requests.principal(ctx).username());
            model.put("result", result);
            model.put("quote", duty.show(result.quote(), page.language()));
            upload(ctx, 201, model);
        } catch (RegistrationException e) {
            List<Refusal> refusals = e.refusals();
            model.put("error", refusals.isEmpty() ? page.t("regimport.error.other", e.getMessage())
                    : page.t("regimport.error.rows", refusals.size()));
            model.put("refusals", refusals.subList(0, Math.min(REPORT_ROWS, refusals.size())));
            model.put("refused", refusals.size());
            upload(ctx, 400, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file: " + e.getMessage(), e);
        } finally {
            Uploads.delete(directory);
        }
    }

    private void upload(Context ctx, int status, Map<String, Object> given) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("importer", "");
        model.put("error", null);
        model.put("result", null);
        model.put("quote", null);
        model.put("refusals", List.of());
        model.put("refused", 0);
        model.putAll(given);
        view.render(ctx, status, "regimport", view.page(ctx, "regimport.title"), model);
    }



    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
