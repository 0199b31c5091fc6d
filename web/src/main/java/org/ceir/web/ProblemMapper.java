package org.ceir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.ceir.appeals.AppealException;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.lists.ListsException;
import org.ceir.registration.Refusal;
import org.ceir.registration.RegistrationException;
import org.ceir.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes a response: {@code application/problem+json}
 * (RFC 9457) for APIs and JSON clients, an error page in the visitor's language for browsers.
 * Unexpected exceptions are logged with their stack trace and answered without it.
 */
final class ProblemMapper {
    static final String TYPE_PREFIX = "urn:ceir:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final View view;
    private final Messages messages;
    private final Requests requests;

    ProblemMapper(View view, Messages messages, Requests requests) {
        this.view = view;
        this.messages = messages;
        this.requests = requests;
    }

    void handle(Exception exception, Context ctx) {
        if (exception instanceof Guard.Redirect redirect) {
            ctx.redirect(redirect.location(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        respond(ctx, toProblem(exception, ctx));
    }

    /** A 404 for a path no route or static file answers. */
    void notFound(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null) {
            respond(ctx, new Problem(404, "not-found", messages.get(requests.language(ctx), "problem.not-found.detail")));
        }
    }

    private Problem toProblem(Exception exception, Context ctx) {
        Language language = requests.language(ctx);
        if (exception instanceof Problem problem) {
            return problem;
        }
        if (exception instanceof InvalidIdentityException invalid) {
            return new Problem(400, "invalid-" + invalid.kind().name().toLowerCase(java.util.Locale.ROOT),
                    invalid.getMessage());
        }
        if (exception instanceof RegistrationException refused) {
            return registrationProblem(refused);
        }
        if (exception instanceof AppealException appeal) {
            String detail = AppealText.of(messages, language, appeal);
            return switch (appeal.kind()) {
                case NOT_FOUND -> new Problem(404, "not-found", detail);
                case CONFLICT -> new Problem(409, "conflict", detail);
                case FORBIDDEN -> new Problem(403, "forbidden", detail);
                case TOO_MANY -> new Problem(429, "rate-limited", detail);
                default -> new Problem(400, "bad-request", detail);
            };
        }
        if (tooLargeUpload(exception)) {
            // The one multipart form that is not an appeal's documents is an importer's batch file.
            return new Problem(413, "too-large", ctx.path().startsWith(RegistrationConsole.IMPORT_PATH)
                    ? messages.get(language, "api.registrations.too-large", WebServer.IMPORTER_FILE_BYTES / (1024 * 1024))
                    : messages.get(language, "problem.too-large.detail"));
        }
        if (exception instanceof ListsException lists) {
            return OperatorApi.problem(lists);
        }
        if (exception instanceof StoreException) {
            LOG.warn("database unavailable for {} {}: {}", ctx.method(), ctx.path(), exception.getMessage());
            return new Problem(503, "unavailable", messages.get(language, "problem.unavailable.detail"));
        }
        if (exception instanceof HttpResponseException http) {
            return new Problem(http.getStatus(), http.getStatus() == 404 ? "not-found" : "bad-request", http.getMessage());
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), exception);
        return new Problem(500, "internal", messages.get(language, "problem.internal.detail"));
    }

    /**
     * A registration, payment or report refused by the registration module, with its HTTP status and,
     * for refused IMEIs or rows, each one in {@code refusals} ({@code line} for an importer's file).
     */
    static Problem registrationProblem(RegistrationException refused) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!refused.refusals().isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Refusal refusal : refused.refusals()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (refusal.line() > 0) {
                    row.put("line", refusal.line());
                }
                row.put("imei", refusal.imei());
                row.put("reason", refusal.reason().name());
                row.put("message", refusal.message());
                rows.add(row);
            }
            extensions.put("refusals", rows);
        }
        return switch (refused.kind()) {
            case NOT_FOUND -> new Problem(404, "not-found", refused.getMessage(), extensions, Map.of());
            case CONFLICT -> new Problem(409, "conflict", refused.getMessage(), extensions, Map.of());
            case FORBIDDEN -> new Problem(403, "forbidden", refused.getMessage(), extensions, Map.of());
            case INVALID -> new Problem(400, "refused", refused.getMessage(), extensions, Map.of());
        };
    }

    /** Jetty refuses a multipart body over the configured sizes while the form is read. */
    private static boolean tooLargeUpload(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.startsWith("max file size exceeded")
                    || message.startsWith("max request size exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private void respond(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        Language language = requests.language(ctx);
        String title = messages.get(language, "problem." + problem.type());
        if (Requests.wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TYPE_PREFIX + problem.type());
            body.put("title", title);
            body.put("status", problem.status());
            body.put("detail", problem.detail());
            body.put("instance", ctx.path());
            body.putAll(problem.extensions());
            Json.send(ctx, problem.status(), "application/problem+json", body);
            return;
        }
        Page page = view.page(ctx, "problem." + problem.type());
        view.render(ctx, problem.status(), "error", page, Map.of("problem", problem, "title", title));
    }
}
