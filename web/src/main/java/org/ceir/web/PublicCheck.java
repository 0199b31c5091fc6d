package org.ceir.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;

/**
 * The public IMEI check ("IMEI yoxlama"), as a page at {@code /} and as JSON at
 * {@code /api/v1/imei/{imei}/status}: rate-limited per client address, and answering only what
 * {@link PublicAnswer} may tell.
 */
final class PublicCheck implements RouteGroup {
    private final EquipmentCheck check;
    private final TacCatalogue catalogue;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;
    private final Clock clock;

    PublicCheck(EquipmentCheck check, TacCatalogue catalogue, RateLimiter limiter, Requests requests,
                Messages messages, View view, Clock clock) {
        this.check = check;
        this.catalogue = catalogue;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/", Access.PUBLIC, this::page),
                Route.get("/api/v1/imei/{imei}/status", Access.PUBLIC, this::json));
    }

    private void page(Context ctx) {
        Page page = view.page(ctx, "check.title");
        String input = ctx.queryParam("imei");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", input == null ? "" : input);
        model.put("answer", null);
        model.put("error", null);
        if (input == null) {
            view.render(ctx, "check", page, model);
            return;
        }
        limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
        try {
            model.put("answer", answer(Imei.parse(input)));
            view.render(ctx, "check", page, model);
        } catch (InvalidIdentityException e) {
            model.put("error", ImeiInputError.of(input, e));
            view.render(ctx, 400, "check", page, model);
        }
    }

    private void json(Context ctx) {
        Language language = requests.language(ctx);
        limiter.acquire(requests.clientAddress(ctx), language, messages);
        String input = ctx.pathParam("imei");
        Imei imei;
        try {
            imei = Imei.parse(input);
        } catch (InvalidIdentityException e) {
            ImeiInputError error = ImeiInputError.of(input, e);
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("invalidParams", List.of(Map.of("param", "imei",
                    "reason", messages.get(language, error.messageKey(), error.args()))));
            error.suggestion().ifPresent(fix -> extensions.put("suggestion", fix));
            throw new Problem(400, "invalid-imei", messages.get(language, error.messageKey(), error.args()),
                    extensions, Map.of());
        }
        PublicAnswer answer = answer(imei);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imei", answer.imei());
        body.put("status", answer.status().name());
        body.put("daysLeft", answer.daysLeft());
        body.put("graceEnds", answer.graceEnds());
        answer.model().ifPresent(model -> body.put("device", Map.of("manufacturer", model.manufacturer(),
                "model", model.name())));
        if (answer.tacUnknown()) {
            body.put("tacUnknown", true);
        }
        body.put("title", messages.get(language, "answer." + answer.status() + ".title",
                answer.daysLeft() == null ? "" : answer.daysLeft()));
        body.put("message", messages.get(language, "answer." + answer.status() + ".text",
                answer.daysLeft() == null ? "" : answer.daysLeft(), answer.graceEnds() == null ? "" : answer.graceEnds()));
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, body);
    }

    private PublicAnswer answer(Imei imei) {
        TacCatalogue.Lookup tac = catalogue.lookup(imei.tac().value());
        return PublicAnswer.of(imei, check.describe(imei.key()), LocalDate.now(clock), tac.model(), tac.unknownTac());
    }
}
