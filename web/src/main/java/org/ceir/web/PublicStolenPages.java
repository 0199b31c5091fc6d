package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.StolenReports;

/**
 * An owner reports their phone lost or stolen online, at {@code /stolen}: the phone's registration
 * reference or one of its IMEIs, their ID and the police report's number. All the phone's IMEIs are
 * blocked at once, on every network, within a second.
 *
 * <p>What is online and what is at a post office, and why. Online: reporting a phone that is
 * registered and paid for in the reporter's name, because a block is urgent (the phone is being
 * used now) and errs on the safe side, and the ID is checked against the registration's keyed hash.
 * At a post office, before a clerk who sees the ID card and the documents: reporting a phone that is
 * not registered (there is no owner on record to check the ID against), and every recovery, because
 * lifting a block hands the phone back to whoever holds it, and a national ID is printed on the ID
 * card that may have been taken with the phone.
 */
final class PublicStolenPages implements RouteGroup {
    private final RegistrationDesk desk;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;

    PublicStolenPages(RegistrationDesk desk, RateLimiter limiter, Requests requests, Messages messages, View view) {
        this.desk = desk;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/stolen", Access.PUBLIC, ctx -> render(ctx, 200, new Form("STOLEN", "", "", ""), Map.of(), null)),
                Route.post("/stolen", Access.PUBLIC, this::report));
    }

    @Override
    public List<PublicLink> publicLinks() {
        return List.of(new PublicLink("/stolen", "check.services.stolen"));
    }

    /** The report as typed. */
    record Form(String kind, String phone, String ownerId, String police) {
    }

    private void report(Context ctx) {
        Page page = view.page(ctx, "stolen.title");
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        Form form = new Form("LOST".equals(ctx.formParam("kind")) ? "LOST" : "STOLEN", text(ctx.formParam("phone")),
                text(ctx.formParam("ownerId")), text(ctx.formParam("police")));
        Map<String, String> mistakes = new LinkedHashMap<>();
        Optional<String> registration = Optional.empty();
        List<String> imeis = List.of();
        String phone = form.phone().replace(" ", "").toUpperCase(Locale.ROOT);
        if (phone.isEmpty()) {
            mistakes.put("phone", page.t("stolen.error.phone-missing"));
        } else if (PublicRegistrationPages.REFERENCE.matcher(phone).matches()) {
            registration = Optional.of(phone);
        } else {
            try {
                imeis = List.of(Imei.parse(form.phone()).toString());
            } catch (InvalidIdentityException e) {
                ImeiInputError error = ImeiInputError.of(form.phone(), e);
                mistakes.put("phone", page.t("stolen.error.phone") + " " + page.t(error.messageKey(), error.args()));
            }
        }
        String id = form.ownerId().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!Pattern.matches(desk.settings().ownerIdPattern(), id)) {
            mistakes.put("ownerId", page.t(id.isEmpty() ? "apply.error.owner-id-missing" : "apply.error.owner-id",
                    desk.settings().ownerIdName()));
        }
        if (form.police().isEmpty()) {
            mistakes.put("police", page.t("stolen.error.police"));
        } else if (form.police().length() > 100) {
            mistakes.put("police", page.t("stolen.error.police-long", 100));
        }
        if (!mistakes.isEmpty()) {
            render(ctx, 400, form, mistakes, null);
            return;
        }
        StolenReports.Reported reported;
        try {
            reported = desk.stolen().report(new StolenReports.Report(StolenReports.Kind.valueOf(form.kind()),
                    StolenReports.Reporter.OWNER, registration, imeis, Optional.of(form.police()), Optional.of(id)),
                    "online " + requests.clientAddress(ctx));
        } catch (RegistrationException e) {
            String key = switch (e.kind()) {
                case FORBIDDEN -> "stolen.error.not-yours";
                case CONFLICT -> "stolen.error.conflict";
                case NOT_FOUND -> "stolen.error.not-found";
                case INVALID -> "stolen.error.other";
            };
            render(ctx, e.kind() == RegistrationException.Kind.NOT_FOUND ? 404
                    : e.kind() == RegistrationException.Kind.INVALID ? 400 : e.kind() == RegistrationException.Kind.FORBIDDEN
                    ? 403 : 409, form, Map.of(), page.t(key, desk.settings().ownerIdName()));
            return;
        }
        view.render(ctx, 201, "stolenreported", view.page(ctx, "stolen.done.title"), Map.of("reported", reported));
    }

    private void render(Context ctx, int status, Form form, Map<String, String> mistakes, String formError) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("mistakes", mistakes);
        model.put("formError", formError);
        model.put("ownerIdName", desk.settings().ownerIdName());
        view.render(ctx, status, "stolen", view.page(ctx, "stolen.title"), model);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
