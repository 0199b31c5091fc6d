package org.ceir.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;

/**
 * The console's home (what each of the user's roles can do here) and the staff IMEI look-up,
 * which shows what the public page keeps back: a suspected clone, how many SIMs are paired, when
 * the IMEI was first seen. Never an owner, a number or an IMSI: those belong to case pages.
 */
final class ConsolePages implements RouteGroup {
    private static final Set<Role> LOOKUP_ROLES = Set.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);

    private final EquipmentCheck check;
    private final TacCatalogue catalogue;
    private final View view;
    private final Clock clock;
    private final boolean imeiPages;

    /** @param imeiPages the IMEI page is served: a look-up goes there ({@link ImeiPages}) */
    ConsolePages(EquipmentCheck check, TacCatalogue catalogue, View view, Clock clock, boolean imeiPages) {
        this.check = check;
        this.catalogue = catalogue;
        this.view = view;
        this.clock = clock;
        this.imeiPages = imeiPages;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/console", Access.anyStaff(), this::home),
                Route.get("/console/imei", Access.staff(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR), this::lookup));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                new NavItem("/console", "nav.home", Set.of(Role.values())),
                new NavItem("/console/imei", "nav.imei", LOOKUP_ROLES));
    }

    private void home(Context ctx) {
        Page page = view.page(ctx, "console.title");
        view.render(ctx, "console", page, Map.of("roles", List.copyOf(new java.util.TreeSet<>(page.user().roles())),
                "cards", view.cards(page.user())));
    }

    private void lookup(Context ctx) {
        Page page = view.page(ctx, "lookup.title");
        String input = ctx.queryParam("imei");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", input == null ? "" : input);
        model.put("imei", null);
        model.put("state", null);
        model.put("answer", null);
        model.put("error", null);
        if (input == null || input.isBlank()) {
            view.render(ctx, "lookup", page, model);
            return;
        }
        try {
            Imei imei = Imei.parse(input);
            if (imeiPages) {
                ctx.redirect("/console/imei/" + imei, io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            DeviceState state = check.describe(imei.key());
            TacCatalogue.Lookup tac = catalogue.lookup(imei.tac().value());
            model.put("imei", imei.toString());
            model.put("state", state);
            model.put("answer", PublicAnswer.of(imei, state, LocalDate.now(clock), tac.model(), tac.unknownTac()));
            view.render(ctx, "lookup", page, model);
        } catch (InvalidIdentityException e) {
            model.put("error", ImeiInputError.of(input, e));
            view.render(ctx, 400, "lookup", page, model);
        }
    }
}
