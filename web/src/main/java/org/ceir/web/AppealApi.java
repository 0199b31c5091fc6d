package org.ceir.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.javalin.http.Context;
import org.ceir.appeals.AppealKind;
import org.ceir.appeals.AppealStatus;
import org.ceir.appeals.Appeals;
import org.ceir.appeals.NewAppeal;
import org.ceir.detect.CloneCases;

/**
 * The appeals and clone-case decisions as a REST API, for the systems of post offices and of the
 * analytics group: JSON in and out, errors as ProblemDetails, the same roles as the console (CLERK
 * files and adds documents, ANALYST decides, ADMIN and AUDITOR read). Credentials come with each
 * request (HTTP Basic) or from a console session (then with the CSRF token in {@code X-CSRF-Token}).
 */
final class AppealApi implements RouteGroup {
    /** Records with {@code Optional} fields: present values as themselves, absent ones left out. */
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    private final Appeals appeals;
    private final Requests requests;

    AppealApi(Appeals appeals, Requests requests) {
        this.appeals = appeals;
        this.requests = requests;
    }

    @Override
    public List<Route> routes() {
        Access readers = Access.machine(Role.ANALYST, Role.ADMIN, Role.AUDITOR);
        Access analyst = Access.machine(Role.ANALYST);
        return List.of(
                Route.get("/api/v1/appeals", readers, this::list),
                Route.post("/api/v1/appeals", Access.machine(Role.CLERK), this::file),
                Route.get("/api/v1/appeals/overdue", readers, ctx -> send(ctx, 200, appeals.overdue(500))),
                Route.get("/api/v1/appeals/report", readers, this::report),
                Route.get("/api/v1/appeals/{tracking}", readers, this::get),
                Route.post("/api/v1/appeals/{tracking}/decision", analyst, this::decide),
                Route.post("/api/v1/appeals/{tracking}/info", Access.machine(Role.CLERK, Role.ANALYST), this::addInfo),
                Route.get("/api/v1/cases", CaseRoles.read(Access.Kind.MACHINE), this::cases),
                Route.post("/api/v1/cases/{id}/{action}", CaseRoles.decide(Access.Kind.MACHINE), this::decideCase));
    }

    private void list(Context ctx) {
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open").toUpperCase(java.util.Locale.ROOT);
        Set<AppealStatus> statuses;
        if (status.equals("ALL")) {
            statuses = Set.of();
        } else if (status.equals("OPEN")) {
            statuses = AppealStatus.OPEN;
        } else {
            try {
                statuses = EnumSet.of(AppealStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw invalid("status", "open, all, RECEIVED, UNDER_REVIEW, INFO_REQUESTED, APPROVED or REJECTED");
            }
        }
        send(ctx, 200, Map.of("appeals", appeals.list(statuses, "true".equals(ctx.queryParam("overdue")),
                limit(ctx))));
    }

    private void file(Context ctx) {
        JsonNode body = body(ctx);
        Principal clerk = Requests.principal(ctx);
        String kind = text(body, "kind");
        Appeals.Filed filed = appeals.fileAtPostOffice(new NewAppeal(kind == null ? null : AppealKind.parse(kind),
                text(body, "imei"), text(body, "applicantId"), text(body, "contactNumber"), text(body, "claimedImsi"),
                text(body, "claimedMsisdn"), text(body, "statement"),
                Optional.ofNullable(text(body, "language")).orElse(requests.language(ctx).code()), List.of()),
                clerk.username(), clerk.officeCode());
        ctx.header("Location", "/api/v1/appeals/" + filed.tracking());
        send(ctx, 201, filed);
    }

    private void get(Context ctx) {
        String tracking = ctx.pathParam("tracking");
        send(ctx, 200, "true".equals(ctx.queryParam("evidence")) ? appeals.evidence(tracking) : appeals.get(tracking));
    }

    private void report(Context ctx) {
        LocalDate today = appeals.today();
        send(ctx, 200, appeals.report(day(ctx, "from", today.withDayOfMonth(1)), day(ctx, "to", today)));
    }

    private void decide(Context ctx) {
        JsonNode body = body(ctx);
        String tracking = ctx.pathParam("tracking");
        String analyst = Requests.principal(ctx).username();
        String action = Optional.ofNullable(text(body, "action")).orElse("");
        String reason = text(body, "reason");
        Object result = switch (action) {
            case "review" -> appeals.review(tracking, analyst);
            case "request-info" -> appeals.requestInfo(tracking, analyst, reason);
            case "reject" -> appeals.reject(tracking, analyst, reason);
            case "approve" -> {
                List<String> unpair = new ArrayList<>();
                body.path("unpair").forEach(node -> unpair.add(node.asText()));
                yield appeals.approve(tracking, analyst, reason, new Appeals.Approval(text(body, "imsi"),
                        text(body, "msisdn"), unpair));
            }
            default -> throw invalid("action", "review, request-info, approve or reject");
        };
        send(ctx, 200, result);
    }

    private void addInfo(Context ctx) {
        String actor = Requests.principal(ctx).username();
        if (ctx.isMultipartFormData()) {
            send(ctx, 200, appeals.addInfo(ctx.pathParam("tracking"), actor, ctx.formParam("text"),
                    AppealForms.attachments(ctx)));
        } else {
            send(ctx, 200, appeals.addInfo(ctx.pathParam("tracking"), actor, text(body(ctx), "text"), List.of()));
        }
    }

    private void cases(Context ctx) {
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
        send(ctx, 200, Map.of("cases", appeals.cases().list(status, limit(ctx))));
    }

    private void decideCase(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw invalid("id", "a case number");
        }
        String reason = text(body(ctx), "reason");
        String analyst = Requests.principal(ctx).username();
        CloneCases cases = appeals.cases();
        try {
            CloneCases.Decision decision = switch (ctx.pathParam("action")) {
                case "confirm" -> cases.confirm(id, analyst, reason);
                case "dismiss" -> cases.dismiss(id, analyst, reason);
                case "lift" -> cases.lift(id, analyst, reason);
                default -> throw invalid("action", "confirm, dismiss or lift");
            };
            send(ctx, 200, decision);
        } catch (IllegalStateException e) {
            throw new Problem(409, "conflict", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Problem(e.getMessage() != null && e.getMessage().startsWith("there is no case") ? 404 : 400,
                    e.getMessage() != null && e.getMessage().startsWith("there is no case") ? "not-found" : "bad-request",
                    e.getMessage());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = MAPPER.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new Problem(400, "bad-request", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Problem(400, "bad-request", "the body is not JSON: " + e.getMessage().split("\n")[0]);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static int limit(Context ctx) {
        try {
            int limit = Integer.parseInt(Optional.ofNullable(ctx.queryParam("limit")).orElse("100"));
            if (limit < 1 || limit > 1000) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw invalid("limit", "a number from 1 to 1000");
        }
    }

    private static LocalDate day(Context ctx, String name, LocalDate fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, "a day as YYYY-MM-DD");
        }
    }

    private static Problem invalid(String param, String reason) {
        return new Problem(400, "invalid-params", param + ": " + reason,
                Map.of("invalidParams", List.of(Map.of("param", param, "reason", reason))), Map.of());
    }

    private static void send(Context ctx, int status, Object body) {
        try {
            ctx.header("Cache-Control", "no-store");
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
