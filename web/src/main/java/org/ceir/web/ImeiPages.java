package org.ceir.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import org.ceir.core.check.DeviceState;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.detect.ImeiReport;
import org.ceir.store.Database;

/**
 * The IMEI page, {@code /console/imei/{imei}}: everything the register holds on one IMEI for the
 * staff who may look it up. Its state as the check engine sees it, registrations with their duty
 * and payment, pairings, clone cases and their decisions, when it met detection conditions, the
 * audit entries about it, and its SIMs drawn as a timeline by day from detect's evidence computed
 * now. Subscriber identities are in full or masked by the viewer's roles ({@link SubscriberIds}).
 */
final class ImeiPages implements RouteGroup {
    static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);

    private final Database database;
    private final EquipmentCheck check;
    private final TacCatalogue catalogue;
    private final ConsoleServices console;
    private final View view;
    private final Clock clock;

    ImeiPages(Database database, EquipmentCheck check, TacCatalogue catalogue, ConsoleServices console, View view,
              Clock clock) {
        this.database = database;
        this.check = check;
        this.catalogue = catalogue;
        this.console = console;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/console/imei/{imei}", new Access(Access.Kind.STAFF, READERS), this::show));
    }

    private void show(Context ctx) {
        Page page = view.page(ctx, "imei.title");
        String input = ctx.pathParam("imei");
        Imei imei;
        try {
            imei = Imei.parse(input);
        } catch (InvalidIdentityException e) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("input", input);
            model.put("imei", null);
            model.put("state", null);
            model.put("answer", null);
            model.put("error", ImeiInputError.of(input, e));
            view.render(ctx, 400, "lookup", view.page(ctx, "lookup.title"), model);
            return;
        }
        DeviceState state = check.describe(imei.key());
        TacCatalogue.Lookup tac = catalogue.lookup(imei.tac().value());
        ImeiReport.Dossier dossier = ImeiReport.dossier(database, console.country(), console.configuration().detect(),
                imei, Optional.empty());
        SubscriberIds ids = SubscriberIds.forViewer(page.user(), console.country().countryCode());
        Set<String> paired = dossier.pairings().stream().filter(ImeiReport.Pairing::active)
                .flatMap(p -> p.imsi().stream()).collect(Collectors.toSet());
        List<String> references = dossier.registrations().stream().map(ImeiReport.Registration::reference).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("imei", imei.toString());
        model.put("state", state);
        model.put("answer", PublicAnswer.of(imei, state, LocalDate.now(clock), tac.model(), tac.unknownTac()));
        model.put("dossier", dossier);
        model.put("duties", ImeiRecords.duties(database, references));
        model.put("pairings", dossier.pairings().stream().map(p -> new PairingRow(p.imsi().map(ids::imsi).orElse("—"),
                p.msisdn().map(ids::msisdn).orElse("—"), p)).toList());
        model.put("audit", ImeiRecords.audit(database, imei.body(), references));
        model.put("evidence", dossier.evidence().map(e -> EvidenceView.of(e, page, ids, paired)).orElse(null));
        model.put("maskedIds", !ids.full());
        view.render(ctx, "imei", page, model);
    }

    /** A pairing with its identities as the viewer may see them. */
    record PairingRow(String imsi, String msisdn, ImeiReport.Pairing pairing) {
    }
}
