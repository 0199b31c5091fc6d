package org.ceir.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ceir.core.identity.Imei;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * The audit log for auditors and administrators: every entry newest first, filtered by subject
 * (an IMEI typed as such finds its entries), actor, action and days, a page at a time; and a
 * button that walks the whole hash chain ({@link AuditLog#verify}). A verification is itself
 * audited ({@code AUDIT_VERIFIED}, with its result), so the log says who checked it and when, and
 * the page shows the result from that entry.
 */
final class AuditPages implements RouteGroup {
    static final Set<Role> READERS = EnumSet.of(Role.AUDITOR, Role.ADMIN);
    static final int PAGE_SIZE = 100;
    static final String VERIFIED = "AUDIT_VERIFIED";

    private final Database database;
    private final View view;

    AuditPages(Database database, View view) {
        this.database = database;
        this.view = view;
    }

    @Override
    public List<Route> routes() {
        Access access = new Access(Access.Kind.STAFF, READERS);
        return List.of(
                Route.get("/console/audit", access, this::list),
                Route.post("/console/audit/verify", access, this::verify));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(new NavItem("/console/audit", "nav.audit", READERS));
    }

    /** The filters as typed, to refill the form and page on. */
    record AuditFilter(String subject, String actor, String action, String from, String to) {
        String query(long before) {
            return "?subject=" + Page.encode(subject) + "&actor=" + Page.encode(actor) + "&action=" + Page.encode(action)
                    + "&from=" + Page.encode(from) + "&to=" + Page.encode(to) + "&before=" + before;
        }
    }

    private void list(Context ctx) {
        Page page = view.page(ctx, "audit.title");
        Params params = new Params(ctx, page);
        Optional<String> subject = params.text("subject").map(AuditPages::subject);
        Optional<LocalDate> from = params.date("from");
        Optional<LocalDate> to = params.date("to");
        ZoneId zone = ZoneId.systemDefault();
        AuditLog.Query query = new AuditLog.Query(subject, params.text("actor"), params.text("action"),
                from.map(day -> day.atStartOfDay(zone).toInstant()),
                to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()), params.id("before"), PAGE_SIZE);
        Optional<Long> verified = params.id("verified");
        Map<String, Object> model = new LinkedHashMap<>();
        database.transaction(connection -> {
            model.put("entries", AuditLog.find(connection, query));
            model.put("actions", AuditLog.actions(connection));
            model.put("verification", verified.isEmpty() ? null : AuditLog.find(connection, new AuditLog.Query(
                    Optional.of("audit_log"), Optional.empty(), Optional.of(VERIFIED), Optional.empty(), Optional.empty(),
                    Optional.of(verified.get() + 1), 1)).stream().filter(e -> e.id() == verified.get()).findFirst()
                    .map(Verification::of).orElse(null));
            return null;
        });
        model.put("filter", new AuditFilter(subject.orElse(""), params.text("actor").orElse(""),
                params.text("action").orElse(""), params.text("from").orElse(""), params.text("to").orElse("")));
        model.put("pageSize", PAGE_SIZE);
        view.render(ctx, "audit", page, model);
    }

    /** A verification's result, from its audit entry. */
    record Verification(long entry, Instant at, String actor, long entries, boolean intact, String firstBroken) {
        static Verification of(AuditLog.Entry entry) {
            try {
                var after = Json.MAPPER.readTree(entry.after());
                return new Verification(entry.id(), entry.at(), entry.actor(), after.path("entries").asLong(),
                        after.path("intact").asBoolean(), after.path("first_broken").asText(""));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("audit entry " + entry.id() + " is not a verification", e);
            }
        }
    }

    private void verify(Context ctx) {
        String actor = Requests.principal(ctx).username();
        long entry = database.transaction(connection -> {
            AuditLog.Verification result = AuditLog.verify(connection);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("entries", result.entries());
            after.put("intact", result.intact());
            result.firstBroken().ifPresent(broken -> after.put("first_broken", broken));
            return AuditLog.append(connection, actor, VERIFIED, "audit_log", null, json(after), null);
        });
        ctx.redirect("/console/audit?verified=" + entry + "#verification", HttpStatus.SEE_OTHER);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a verification's result", e);
        }
    }

    /** What people type as a subject: a bare IMEI (or IMEISV) means its entries, {@code imei:<14 digits>}. */
    static String subject(String typed) {
        String value = typed.startsWith("imei:") ? typed.substring(5) : typed;
        return value.matches("[0-9]{14,16}") ? "imei:" + Imei.formatKey(Imei.networkKey(value)) : typed;
    }
}
