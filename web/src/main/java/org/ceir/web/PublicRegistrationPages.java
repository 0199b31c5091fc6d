package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.Registrations;

/**
 * A person registers their phone online: the application at {@code /register} (owner's ID, name,
 * contact number, the phone's IMEIs each checked and explained, the model and the price paid),
 * answered with the amount to pay and a reference; and "where is my registration" at
 * {@code /registration} by that reference, which tells the status and what is due, never the owner's
 * name, ID, number or the IMEIs (a reference read over a shoulder gives away nothing personal). The
 * same status is JSON at {@code /api/v1/registrations/{reference}/status}, for payment terminals
 * that ask what to charge. Every submission and look-up counts against the client's form allowance.
 */
final class PublicRegistrationPages implements RouteGroup {
    /** A reference as References makes it: a letter, a dash, 8 of Crockford's base32. */
    static final Pattern REFERENCE = Pattern.compile("[A-Z]-[0-9A-HJKMNP-TV-Z]{8}");

    private final RegistrationDesk desk;
    private final PriceChoices choices;
    private final TacCatalogue catalogue;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;
    private final DutyText duty;

    PublicRegistrationPages(RegistrationDesk desk, PriceChoices choices, TacCatalogue catalogue, RateLimiter limiter, Requests requests,
                            Messages messages, View view, DutyText duty) {
        this.desk = desk;
        this.choices = choices;
        this.catalogue = catalogue;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
        this.duty = duty;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/register", Access.PUBLIC, this::form),
                Route.post("/register", Access.PUBLIC, this::apply),
                Route.get("/registration", Access.PUBLIC, this::status),
                Route.get("/api/v1/registrations/{reference}/status", Access.PUBLIC, this::statusJson));
    }

    @Override
    public List<PublicLink> publicLinks() {
        return List.of(new PublicLink("/register", "check.services.register"),
                new PublicLink("/registration", "check.services.status"));
    }

    private void form(Context ctx) {
        render(ctx, 200, ApplicationForm.blank(ctx.queryParam("model"), ctx.queryParam("price")), null);
    }

    private void apply(Context ctx) {
        Page page = view.page(ctx, "apply.title");
        boolean more = "more".equals(ctx.formParam("action"));
        ApplicationForm form = ApplicationForm.posted(ctx, desk.settings().maxImeisPerPhone(), more);
        if (more) {
            render(ctx, 200, form, null);
            return;
        }
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        if (!form.check(desk)) {
            render(ctx, 400, form, null);
            return;
        }
        Registrations.Registration registration;
        try {
            registration = desk.registrations().registerPhone(form.application(), actor(ctx));
        } catch (RegistrationException e) {
            boolean aboutImeis = form.refused(e, catalogue);
            render(ctx, e.kind() == RegistrationException.Kind.CONFLICT ? 409 : 400, form,
                    aboutImeis ? null : page.t("apply.error.other", e.getMessage()));
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("registration", registration);
        model.put("quote", registration.quote().map(q -> duty.show(q, page.language())).orElse(null));
        view.render(ctx, 201, "registered", view.page(ctx, "applied.title"), model);
    }

    private void status(Context ctx) {
        Page page = view.page(ctx, "status.title");
        String input = ctx.queryParam("ref");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", input == null ? "" : input.strip());
        model.put("registration", null);
        model.put("error", null);
        if (input == null || input.isBlank()) {
            view.render(ctx, "regstatus", page, model);
            return;
        }
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        Optional<Registrations.Registration> found = find(input);
        if (found.isEmpty()) {
            model.put("error", page.t("status.not-found", input.strip()));
            view.render(ctx, 404, "regstatus", page, model);
            return;
        }
        model.put("registration", found.get());
        view.render(ctx, "regstatus", page, model);
    }

    private void statusJson(Context ctx) {
        Language language = requests.language(ctx);
        limiter.acquire(requests.clientAddress(ctx), language, messages);
        String reference = ctx.pathParam("reference");
        Registrations.Registration registration = find(reference).orElseThrow(() -> new Problem(404, "not-found",
                messages.get(language, "status.not-found", reference.strip())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", registration.reference());
        body.put("status", registration.status());
        body.put("title", messages.get(language, "registration.status." + registration.status()));
        if ("PENDING_PAYMENT".equals(registration.status()) && registration.duty() != null) {
            body.put("amountDue", registration.duty().toPlainString());
            body.put("currency", registration.currency());
        }
        if (registration.make() != null) {
            body.put("device", registration.make() + " " + registration.model());
        }
        body.put("phones", registration.phones());
        body.put("appliedAt", registration.createdAt());
        registration.activatedAt().ifPresent(at -> body.put("activatedAt", at));
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, body);
    }

    /** A registration by a typed reference; a typo that cannot be a reference is not looked up. */
    private Optional<Registrations.Registration> find(String typed) {
        String reference = typed.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        return desk.registrations().find(reference);
    }

    private void render(Context ctx, int status, ApplicationForm form, String formError) {
        Page page = view.page(ctx, "apply.title");
        view.render(ctx, status, "register", page, form.model(formError, desk, choices));
    }

    /** Who applied online, for the registration and the audit log: the channel and the client's address. */
    private String actor(Context ctx) {
        return "online " + requests.clientAddress(ctx);
    }
}
