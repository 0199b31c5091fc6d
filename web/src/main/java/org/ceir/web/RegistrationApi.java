package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.Payments;
import org.ceir.registration.Registrations;
import org.ceir.registration.StolenReports;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.Money;

/**
 * Registrations for machines (a post office's counter system, an importer's portal):
 * {@code /api/v1/registrations} and {@code /api/v1/stolen-reports}, with HTTP Basic credentials
 * (or a console session and its CSRF header). CLERK accounts register, confirm payments, upload
 * importers' batches and report or recover phones; ADMIN, ANALYST and AUDITOR read. The owner's ID
 * is only ever masked in answers, and a search by it is a POST (the ID in the body, not the URL)
 * and audited. Every refusal is a ProblemDetails; refused IMEIs or rows are listed in its
 * {@code refusals}.
 */
final class RegistrationApi implements RouteGroup {
    /** The most registrations one list answer holds. */
    private static final int MAX_LIMIT = 500;
    /** The largest importer's file taken in one request: 800,000 rows of {@code imei,model,price}. */
    private static final long MAX_BATCH_BYTES = WebServer.IMPORTER_FILE_BYTES;

    private final RegistrationDesk desk;
    private final Requests requests;
    private final Messages messages;
    private final DutyText duty;

    RegistrationApi(RegistrationDesk desk, Requests requests, Messages messages, DutyText duty) {
        this.desk = desk;
        this.requests = requests;
        this.messages = messages;
        this.duty = duty;
    }

    @Override
    public List<Route> routes() {
        Access readers = Access.machine(Role.ADMIN, Role.ANALYST, Role.CLERK, Role.AUDITOR);
        Access clerk = Access.machine(Role.CLERK);
        return List.of(
                Route.get("/api/v1/registrations", readers, this::list),
                Route.post("/api/v1/registrations/search", readers, this::search),
                Route.post("/api/v1/registrations/batches", clerk, this::batch),
                Route.get("/api/v1/registrations/{reference}", readers, this::one),
                Route.post("/api/v1/registrations", clerk, this::register),
                Route.post("/api/v1/registrations/{reference}/payment", clerk, this::pay),
                Route.get("/api/v1/stolen-reports/{reference}", readers, this::report),
                Route.post("/api/v1/stolen-reports", clerk, this::reportStolen),
                Route.post("/api/v1/stolen-reports/{reference}/recovery", clerk, this::recover));
    }

    private void list(Context ctx) {
        Language language = requests.language(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !List.of("PENDING_PAYMENT", "ACTIVE", "CANCELLED").contains(status)) {
            throw invalidParam(language, "status", "api.registrations.status");
        }
        int limit = number(ctx, "limit", 100, 1, MAX_LIMIT, language);
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE, language);
        String imei = ctx.queryParam("imei");
        List<Registrations.Registration> found = imei == null || imei.isBlank()
                ? desk.registrations().list(Optional.ofNullable(status), limit, offset)
                : desk.registrations().withImei(imei).stream()
                        .filter(r -> status == null || r.status().equals(status)).toList();
        Json.send(ctx, Map.of("registrations", found.stream().map(r -> registration(r, language)).toList()));
    }

    private void search(Context ctx) {
        JsonNode body = body(ctx);
        List<Registrations.Registration> found = desk.registrations().searchByOwner(text(body, "ownerId"),
                Requests.principal(ctx).username());
        Language language = requests.language(ctx);
        Json.send(ctx, Map.of("registrations", found.stream().map(r -> registration(r, language)).toList()));
    }

    private void one(Context ctx) {
        Language language = requests.language(ctx);
        String reference = ctx.pathParam("reference");
        Registrations.Details details = desk.registrations().details(reference).orElseThrow(() ->
                new Problem(404, "not-found", messages.get(language, "registration.not-found", reference)));
        Map<String, Object> body = registration(details.registration(), language);
        body.put("imeiCount", details.imeiCount());
        if (!details.models().isEmpty()) {
            List<Map<String, Object>> models = new ArrayList<>();
            for (Registrations.ModelLine model : details.models()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("device", model.make() + " " + model.model());
                row.put("phones", model.phones());
                row.put("declaredTotalUsd", model.declaredTotalUsd().toPlainString());
                model.marketPriceUsd().ifPresent(price -> row.put("marketPriceUsd", price.toPlainString()));
                row.put("dutyPerPhone", model.dutyPerPhone().toPlainString());
                models.add(row);
            }
            body.put("models", models);
        }
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Registrations.PaymentRecord payment : details.payments()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", payment.reference());
            row.put("amount", payment.amount().toPlainString());
            row.put("currency", payment.currency());
            row.put("channel", payment.channel());
            row.put("receivedBy", payment.receivedBy());
            payment.paidAt().ifPresent(at -> row.put("paidAt", at));
            row.put("receivedAt", payment.receivedAt());
            payments.add(row);
        }
        body.put("payments", payments);
        List<Map<String, Object>> history = new ArrayList<>();
        for (Registrations.HistoryEntry entry : details.history()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", entry.at());
            row.put("actor", entry.actor());
            row.put("action", entry.action());
            entry.status().ifPresent(status -> row.put("status", status));
            if (!entry.reason().isEmpty()) {
                row.put("reason", entry.reason());
            }
            history.add(row);
        }
        body.put("history", history);
        body.put("stolenReports", details.stolenReports().stream().map(StolenReports.Reported::reference).toList());
        Json.send(ctx, body);
    }

    private void register(Context ctx) {
        JsonNode body = body(ctx);
        List<String> imeis = new ArrayList<>();
        JsonNode given = body.get("imeis");
        if (given != null && given.isArray()) {
            given.forEach(imei -> imeis.add(imei.asText()));
        }
        BigDecimal price;
        try {
            price = Money.parse(text(body, "declaredPriceUsd"), "declaredPriceUsd");
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "invalid-params", e.getMessage(),
                    Map.of("invalidParams", List.of(Map.of("param", "declaredPriceUsd", "reason", e.getMessage()))),
                    Map.of());
        }
        Registrations.Registration registration = desk.registrations().registerPhone(new Registrations.PhoneApplication(
                text(body, "ownerId"), text(body, "ownerName"), text(body, "contactNumber"), text(body, "model"), imeis,
                price), Requests.principal(ctx).username());
        ctx.header("Location", "/api/v1/registrations/" + registration.reference());
        Json.send(ctx, 201, "application/json", registration(registration, requests.language(ctx)));
    }

    private void pay(Context ctx) {
        JsonNode body = body(ctx);
        String amount = text(body, "amount");
        Optional<BigDecimal> paid;
        try {
            paid = amount.isEmpty() ? Optional.empty() : Optional.of(Money.parse(amount, "amount"));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "invalid-params", e.getMessage(),
                    Map.of("invalidParams", List.of(Map.of("param", "amount", "reason", e.getMessage()))), Map.of());
        }
        Payments.Receipt receipt = desk.payments().confirmByClerk(ctx.pathParam("reference"), paid,
                Optional.of(text(body, "receipt")).filter(r -> !r.isEmpty()), Requests.principal(ctx).username());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payment", receipt.paymentReference());
        answer.put("registration", receipt.registration());
        answer.put("amount", receipt.amount().toPlainString());
        answer.put("currency", receipt.currency());
        answer.put("status", receipt.status());
        answer.put("alreadyApplied", receipt.alreadyApplied());
        Json.send(ctx, receipt.alreadyApplied() ? 200 : 201, "application/json", answer);
    }

    private void batch(Context ctx) {
        Language language = requests.language(ctx);
        String importer = ctx.queryParam("importer");
        if (importer == null || importer.isBlank()) {
            throw invalidParam(language, "importer", "api.registrations.importer");
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("ceir-batch");
            Path file = directory.resolve(Uploads.safeName(
                    Optional.ofNullable(ctx.queryParam("file")).orElse("batch.csv")));
            long size = 0;
            try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    size += read;
                    if (size > MAX_BATCH_BYTES) {
                        throw new Problem(413, "too-large", messages.get(language, "api.registrations.too-large",
                                MAX_BATCH_BYTES / (1024 * 1024)));
                    }
                    out.write(buffer, 0, read);
                }
            }
            ImporterBatches.Result result = desk.batches().importCsv(file, importer.strip(),
                    Requests.principal(ctx).username());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("reference", result.reference());
            answer.put("status", result.status());
            answer.put("importJob", result.jobId());
            answer.put("phones", result.phones());
            answer.put("imeis", result.imeis());
            answer.put("duty", result.duty().toPlainString());
            answer.put("currency", result.currency());
            answer.put("quote", quote(result.quote(), language));
            ctx.header("Location", "/api/v1/registrations/" + result.reference());
            Json.send(ctx, 201, "application/json", answer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the posted file: " + e.getMessage(), e);
        } finally {
            Uploads.delete(directory);
        }
    }

    private void report(Context ctx) {
        Language language = requests.language(ctx);
        String reference = ctx.pathParam("reference");
        StolenReports.Reported report = desk.stolen().find(reference).orElseThrow(() ->
                new Problem(404, "not-found", messages.get(language, "stolen.report.not-found", reference)));
        Json.send(ctx, stolen(report));
    }

    private void reportStolen(Context ctx) {
        JsonNode body = body(ctx);
        List<String> imeis = new ArrayList<>();
        JsonNode given = body.get("imeis");
        if (given != null && given.isArray()) {
            given.forEach(imei -> imeis.add(imei.asText()));
        }
        String kind = text(body, "kind").toUpperCase(java.util.Locale.ROOT);
        if (!kind.equals("LOST") && !kind.equals("STOLEN")) {
            throw invalidParam(requests.language(ctx), "kind", "api.stolen.kind");
        }
        StolenReports.Reported reported = desk.stolen().report(new StolenReports.Report(StolenReports.Kind.valueOf(kind),
                StolenReports.Reporter.CLERK, Optional.of(text(body, "registration")).filter(r -> !r.isEmpty()), imeis,
                Optional.of(text(body, "policeReference")).filter(p -> !p.isEmpty()), Optional.empty()),
                Requests.principal(ctx).username());
        ctx.header("Location", "/api/v1/stolen-reports/" + reported.reference());
        Json.send(ctx, 201, "application/json", stolen(reported));
    }

    private void recover(Context ctx) {
        JsonNode body = body(ctx);
        StolenReports.Reported recovered = desk.stolen().recover(ctx.pathParam("reference"),
                StolenReports.Reporter.CLERK, Optional.empty(), text(body, "note"), Requests.principal(ctx).username());
        Json.send(ctx, stolen(recovered));
    }

    private Map<String, Object> registration(Registrations.Registration r, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", r.reference());
        body.put("kind", r.kind());
        body.put("status", r.status());
        if (!r.ownerMasked().isEmpty()) {
            body.put("ownerIdMasked", r.ownerMasked());
        }
        body.put("ownerName", r.ownerName());
        body.put("contactNumber", r.contactNumber());
        if (r.make() != null) {
            body.put("device", r.make() + " " + r.model());
        }
        body.put("imeis", r.imeis());
        body.put("phones", r.phones());
        if (r.declaredPriceUsd() != null) {
            body.put("declaredPriceUsd", r.declaredPriceUsd().toPlainString());
        }
        if (r.marketPriceUsd() != null) {
            body.put("marketPriceUsd", r.marketPriceUsd().toPlainString());
        }
        if (r.duty() != null) {
            body.put("duty", r.duty().toPlainString());
            body.put("currency", r.currency());
        }
        r.quote().ifPresent(q -> body.put("quote", quote(q, language)));
        body.put("createdAt", r.createdAt());
        body.put("createdBy", r.createdBy());
        r.activatedAt().ifPresent(at -> body.put("activatedAt", at));
        return body;
    }

    private Map<String, Object> quote(DutyQuote quote, Language language) {
        List<Map<String, Object>> lines = quote.lines().stream().map(line -> duty.json(line, language)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tariff", quote.tariffVersion());
        body.put("lines", lines);
        body.put("total", quote.total().toPlainString());
        body.put("currency", quote.currency());
        return body;
    }

    private static Map<String, Object> stolen(StolenReports.Reported report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", report.reference());
        body.put("kind", report.kind().name());
        body.put("imeis", report.imeis());
        report.registration().ifPresent(r -> body.put("registration", r));
        body.put("reporter", report.reporter().name());
        report.policeReference().ifPresent(p -> body.put("policeReference", p));
        body.put("reportedBy", report.reportedBy());
        body.put("reportedAt", report.reportedAt());
        report.recoveredAt().ifPresent(at -> body.put("recoveredAt", at));
        report.recoveredBy().ifPresent(by -> body.put("recoveredBy", by));
        return body;
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Problem(400, "bad-request", messages.get(requests.language(ctx), "api.registrations.json"));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private int number(Context ctx, String name, int fallback, int min, int max, Language language) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Problem(400, "invalid-params", messages.get(language, "api.check.invalid"),
                Map.of("invalidParams", List.of(Map.of("param", name, "reason",
                        messages.get(language, "api.registrations.range", min, max)))), Map.of());
    }

    private Problem invalidParam(Language language, String param, String key) {
        String reason = messages.get(language, key);
        return new Problem(400, "invalid-params", messages.get(language, "api.check.invalid"),
                Map.of("invalidParams", List.of(Map.of("param", param, "reason", reason))), Map.of());
    }

}
