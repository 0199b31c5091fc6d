package org.ceir.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.ceir.registration.duty.Bracket;
import org.ceir.registration.duty.DutyLine;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.Money;
import org.ceir.registration.duty.Payer;
import org.ceir.registration.duty.TariffVersion;

/**
 * The public duty calculator: a model from the ministry's price catalogue (its market price
 * fills in) or a price, and the person's earlier imports this year, give the duty line by line by
 * the tariff version in force, as a page at {@code /duty} and as JSON at {@code /api/v1/duty}. The
 * page also shows the whole tariff in force, so nobody has to trust a number they cannot check.
 */
final class DutyPages implements RouteGroup {
    /** A person brings in a handful of phones a year; more is a typing slip, not a quote to make. */
    private static final int MAX_EARLIER = 50;

    private final RegistrationDesk desk;
    private final PriceChoices choices;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;
    private final View view;
    private final DutyText duty;
    private final Clock clock;

    DutyPages(RegistrationDesk desk, PriceChoices choices, RateLimiter limiter, Requests requests, Messages messages, View view,
              DutyText duty, Clock clock) {
        this.desk = desk;
        this.choices = choices;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
        this.view = view;
        this.duty = duty;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/duty", Access.PUBLIC, this::page),
                Route.get("/api/v1/duty", Access.PUBLIC, this::json));
    }

    @Override
    public List<PublicLink> publicLinks() {
        return List.of(new PublicLink("/duty", "check.services.duty"));
    }

    /** What the calculator was asked, as typed, and what is wrong with it. */
    record Question(String model, String price, String earlier, String errorKey) {
        boolean asked() {
            return !model.isBlank() || !price.isBlank();
        }
    }

    /** One row of the tariff in force: a price range and its duty. */
    record TariffRow(String range, String duty) {
    }

    private void page(Context ctx) {
        Page page = view.page(ctx, "duty.title");
        Question question = question(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("question", question);
        model.put("models", choices.all());
        model.put("quote", null);
        model.put("error", null);
        int status = 200;
        if (question.asked() || question.errorKey() != null) {
            limiter.acquire(requests.clientAddress(ctx), page.language(), messages);
            if (question.errorKey() != null) {
                model.put("error", page.t(question.errorKey(), MAX_EARLIER));
                status = 400;
            } else {
                model.put("quote", duty.show(quote(question), page.language()));
            }
        }
        TariffVersion version = desk.settings().tariff().versionOn(LocalDate.now(clock.withZone(desk.settings().zone())));
        model.put("version", version);
        model.put("table", table(version, page.language()));
        model.put("currency", desk.settings().currency());
        view.render(ctx, status, "duty", page, model);
    }

    private void json(Context ctx) {
        Language language = requests.language(ctx);
        limiter.acquire(requests.clientAddress(ctx), language, messages);
        Question question = question(ctx);
        if (question.errorKey() != null || !question.asked()) {
            String key = question.errorKey() != null ? question.errorKey() : "duty.error.nothing";
            throw new Problem(400, "invalid-params", messages.get(language, key, MAX_EARLIER));
        }
        DutyQuote quote = quote(question);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DutyLine line : quote.lines()) {
            Map<String, Object> row = duty.json(line, language);
            row.put("args", line.args());
            lines.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tariff", quote.tariffVersion());
        body.put("effectiveFrom", quote.effectiveFrom().toString());
        if (!quote.assumption().isEmpty()) {
            body.put("assumption", quote.assumption());
        }
        body.put("currency", quote.currency());
        body.put("lines", lines);
        body.put("total", quote.total().toPlainString());
        Json.send(ctx, body);
    }

    private Question question(Context ctx) {
        String model = text(ctx.queryParam("model"));
        String price = text(ctx.queryParam("price"));
        String earlier = text(ctx.queryParam("earlier"));
        String error = null;
        if (!price.isEmpty()) {
            try {
                Money.parse(price, "price");
            } catch (IllegalArgumentException e) {
                error = "duty.error.price";
            }
        }
        if (!earlier.isEmpty()) {
            try {
                int count = Integer.parseInt(earlier);
                if (count < 0 || count > MAX_EARLIER) {
                    error = "duty.error.earlier";
                }
            } catch (NumberFormatException e) {
                error = "duty.error.earlier";
            }
        }
        return new Question(model, price, earlier, error);
    }

    private DutyQuote quote(Question question) {
        Optional<BigDecimal> price = question.price().isEmpty() ? Optional.empty()
                : Optional.of(Money.parse(question.price(), "price"));
        int earlier = question.earlier().isEmpty() ? 0 : Integer.parseInt(question.earlier());
        return desk.registrations().quote(Optional.of(question.model()).filter(m -> !m.isBlank()), price,
                Payer.PERSON, Optional.empty(), earlier);
    }

    private List<TariffRow> table(TariffVersion version, Language language) {
        List<TariffRow> rows = new ArrayList<>();
        BigDecimal below = null;
        String currency = desk.settings().currency();
        for (Bracket bracket : version.brackets()) {
            String range = duty.range(List.of(below == null ? "" : Money.usd(below),
                    bracket.upToUsd() == null ? "" : Money.usd(bracket.upToUsd()),
                    String.join(", ", bracket.deviceTypes())), language);
            String amount = bracket.amount() != null ? Money.format(bracket.amount(), currency)
                    : messages.get(language, "duty.table.rate", bracket.ratePercent().stripTrailingZeros().toPlainString());
            rows.add(new TariffRow(range, amount));
            if (bracket.upToUsd() != null && bracket.deviceTypes().isEmpty()) {
                below = bracket.upToUsd();
            }
        }
        rows.add(new TariffRow(messages.get(language, "duty.table.unlisted"),
                Money.format(version.notInCatalogue(), currency)));
        return rows;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
