package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Verdict;
import org.ceir.ingest.ImportKind;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportQueue;
import org.ceir.ingest.Upload;
import org.ceir.ingest.UploadRefused;
import org.ceir.ingest.UploadRequest;
import org.ceir.lists.ListFile;
import org.ceir.lists.ListRun;
import org.ceir.lists.ListRuns;
import org.ceir.lists.ListsException;

/**
 * The operators' integration API (issue 9), for their systems (API keys, or HTTP Basic with an
 * operator account): upload a network data file and poll its import (through the same
 * {@link ImportQueue} as the console's imports page, so a job from either is seen here as its
 * operator's); download the lists of each
 * export (the blacklist and the caller's own notification and exception lists, full or as deltas
 * from any kept run); check up to {@value #MAX_BATCH} IMEIs in one call through the check engine.
 * Every refusal is a ProblemDetails; an operator never sees another operator's jobs or files.
 */
final class OperatorApi implements RouteGroup {
    static final int MAX_BATCH = 1_000;
    /** A batch of 1,000 checks is about 90 kB of JSON; room for spaces and long forms. */
    private static final int MAX_BATCH_BYTES = 512 * 1024;

    private final EquipmentCheck check;
    private final Optional<ImportQueue> imports;
    private final long uploadMaxBytes;
    private final ListRuns runs;
    private final Requests requests;
    private final Messages messages;

    OperatorApi(EquipmentCheck check, Optional<ImportQueue> imports, long uploadMaxBytes, ListRuns runs,
                Requests requests, Messages messages) {
        this.check = check;
        this.imports = imports;
        this.uploadMaxBytes = uploadMaxBytes;
        this.runs = runs;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public List<Route> routes() {
        Access operator = Access.machine(Role.OPERATOR);
        return List.of(
                Route.post("/api/v1/operator-data", operator, this::upload),
                Route.get("/api/v1/jobs/{id}", operator, this::job),
                Route.get("/api/v1/lists", operator, this::lists),
                Route.get("/api/v1/lists/{run}/manifest", operator, this::manifest),
                Route.get("/api/v1/lists/{run}/files/{name}", operator, this::file),
                Route.post("/api/v1/check/batch", operator, this::batch));
    }

    private void upload(Context ctx) throws IOException {
        Principal caller = Requests.principal(ctx);
        ImportQueue queue = imports.orElseThrow(() -> new Problem(503, "unavailable",
                message(ctx, "api.upload.unavailable")));
        String name = ctx.queryParam("filename");
        if (name == null || name.isBlank()) {
            throw invalid(ctx, "query filename", message(ctx, "api.upload.filename"));
        }
        if (caller.operatorCode() == null) {
            throw new Problem(403, "forbidden", message(ctx, "api.upload.no-operator"));
        }
        Upload upload;
        try (InputStream body = ctx.bodyInputStream()) {
            upload = queue.accept(new UploadRequest(ImportKind.OPERATOR, name, ImportOptions.by(caller.username()),
                    Optional.of(caller.operatorCode()), uploadMaxBytes), body);
        } catch (UploadRefused e) {
            throw refusal(ctx, e);
        }
        ctx.header("Location", "/api/v1/jobs/" + upload.id());
        Json.send(ctx, 202, "application/json", job(upload));
    }

    /** A refused upload in the caller's language. */
    private Problem refusal(Context ctx, UploadRefused e) {
        String operator = Requests.principal(ctx).operatorCode();
        return switch (e.reason()) {
            case UNSAFE_NAME, NOT_AN_OPERATOR_FILE -> new Problem(400, "bad-request",
                    message(ctx, "api.upload.name", e.fileName(), operator));
            case ANOTHER_OPERATORS_FILE -> new Problem(403, "forbidden",
                    message(ctx, "api.upload.other-operator", e.fileName(), e.fileOperator().orElse("?"), operator));
            case EMPTY -> new Problem(400, "bad-request", message(ctx, "api.upload.empty", e.fileName()));
            case TOO_LARGE -> new Problem(413, "too-large",
                    message(ctx, "api.upload.too-large", e.maxBytes() / (1024 * 1024)));
        };
    }

    /** An upload of the caller's operator, from this API or the console; another's is as absent as none. */
    private void job(Context ctx) {
        long id = number(ctx, "id");
        String operator = Requests.principal(ctx).operatorCode();
        Upload upload = imports.flatMap(queue -> queue.find(id))
                .filter(found -> operator != null && found.operator().filter(operator::equals).isPresent())
                .orElseThrow(() -> new Problem(404, "not-found", message(ctx, "api.job.not-found", id)));
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, job(upload));
    }

    private void lists(Context ctx) {
        String operator = Requests.principal(ctx).operatorCode();
        List<Map<String, Object>> body = new ArrayList<>();
        for (ListRun run : runs.history(50)) {
            if (run.succeeded() && run.pruned().isEmpty()) {
                body.add(run(run, operator));
            }
        }
        Json.send(ctx, Map.of("runs", body));
    }

    private void manifest(Context ctx) {
        Json.send(ctx, run(run(ctx), Requests.principal(ctx).operatorCode()));
    }

    private void file(Context ctx) throws IOException {
        ListRun run = run(ctx);
        String name = ctx.pathParam("name");
        String operator = Requests.principal(ctx).operatorCode();
        ListFile file = run.file(name).orElseThrow(() -> new Problem(404, "not-found",
                message(ctx, "api.lists.no-file", run.id(), name)));
        if (!file.visibleTo(operator)) {
            throw new Problem(403, "forbidden", message(ctx, "api.lists.not-yours", name));
        }
        Optional<Long> base = Optional.ofNullable(ctx.queryParam("base")).map(value -> parse(ctx, "query base", value));
        if (base.isEmpty()) {
            ctx.header("ETag", "\"" + file.sha256() + "\"");
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + run.id() + "_" + name + "\"");
        ctx.header("Cache-Control", "no-store");
        // Written straight to the response; an error before the first byte is still a ProblemDetails.
        try (OutputStream out = ctx.outputStream()) {
            runs.write(run.id(), name, base, out);
        }
    }

    private void batch(Context ctx) throws IOException {
        Language language = requests.language(ctx);
        JsonNode body;
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BATCH_BYTES + 1);
            if (bytes.length > MAX_BATCH_BYTES) {
                throw new Problem(413, "too-large", message(ctx, "api.batch.too-large", MAX_BATCH));
            }
            body = Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(ctx, "body", message(ctx, "api.batch.json"));
        }
        JsonNode checks = body == null ? null : body.get("checks");
        if (checks == null || !checks.isArray() || checks.isEmpty()) {
            throw invalid(ctx, "body checks", message(ctx, "api.batch.json"));
        }
        if (checks.size() > MAX_BATCH) {
            throw new Problem(413, "too-large", message(ctx, "api.batch.too-large", MAX_BATCH));
        }
        List<Map<String, String>> invalid = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            JsonNode item = checks.get(i);
            String where = "checks[" + i + "]";
            String imei = text(item, "imei");
            if (imei == null) {
                invalid.add(Map.of("param", where + ".imei", "reason", messages.get(language, "api.check.imei-missing")));
            } else if (imei.length() > 32) {
                invalid.add(Map.of("param", where + ".imei", "reason", messages.get(language, "api.check.imei-long")));
            }
            String imsi = text(item, "imsi");
            if (imsi != null && !CheckApi.digits(imsi, 6, 15)) {
                invalid.add(Map.of("param", where + ".imsi", "reason", messages.get(language, "api.check.imsi")));
            }
            String msisdn = CheckApi.withoutPlus(text(item, "msisdn"));
            if (msisdn != null && (!CheckApi.digits(msisdn, 7, 15) || msisdn.charAt(0) == '0')) {
                invalid.add(Map.of("param", where + ".msisdn", "reason", messages.get(language, "api.check.msisdn")));
            }
        }
        if (!invalid.isEmpty()) {
            throw new Problem(400, "invalid-params", messages.get(language, "api.check.invalid"),
                    Map.of("invalidParams", invalid), Map.of());
        }
        String operator = Requests.principal(ctx).operatorCode();
        List<Map<String, Object>> results = new ArrayList<>(checks.size());
        for (JsonNode item : checks) {
            String imei = text(item, "imei");
            String imsi = text(item, "imsi");
            String msisdn = CheckApi.withoutPlus(text(item, "msisdn"));
            int verdict = check.check(imei, imsi, msisdn, operator);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("imei", imei);
            if (imsi != null) {
                result.put("imsi", imsi);
            }
            result.put("status", Verdict.outcome(verdict).name());
            result.put("reason", Verdict.reason(verdict).name());
            if (Verdict.reason(verdict) == CheckReason.UNREGISTERED_GRACE) {
                result.put("daysLeft", Verdict.daysLeft(verdict));
            }
            results.add(result);
        }
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, Map.of("results", results));
    }

    private ListRun run(Context ctx) {
        String value = ctx.pathParam("run");
        Optional<ListRun> run = value.equals("latest") ? runs.latest() : runs.find(parse(ctx, "path run", value));
        return run.filter(r -> r.succeeded() && r.pruned().isEmpty())
                .orElseThrow(() -> new Problem(404, "not-found", message(ctx, "api.lists.no-run", value)));
    }

    /** A run as an operator sees it: the blacklist and its own files. */
    private static Map<String, Object> run(ListRun run, String operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run.id());
        body.put("asOf", run.asOf());
        body.put("baseRun", run.baseRun().orElse(null));
        body.put("finishedAt", run.finishedAt().orElse(null));
        List<Map<String, Object>> files = new ArrayList<>();
        for (ListFile file : run.files()) {
            if (file.visibleTo(operator)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", file.name());
                entry.put("list", file.list().fileStem());
                entry.put("kind", file.delta() ? "delta" : "full");
                entry.put("rows", file.rows());
                entry.put("bytes", file.bytes());
                entry.put("sha256", file.sha256());
                entry.put("href", "/api/v1/lists/" + run.id() + "/files/" + file.name());
                files.add(entry);
            }
        }
        body.put("files", files);
        return body;
    }

    static Map<String, Object> job(Upload upload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", upload.id());
        body.put("href", "/api/v1/jobs/" + upload.id());
        body.put("state", upload.state().name());
        body.put("fileName", upload.fileName());
        body.put("bytes", upload.bytes());
        body.put("sha256", upload.sha256());
        body.put("uploadedBy", upload.uploadedBy());
        body.put("uploadedAt", upload.uploadedAt());
        body.put("startedAt", upload.startedAt().orElse(null));
        body.put("finishedAt", upload.finishedAt().orElse(null));
        upload.progress().ifPresent(p -> {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("phase", p.phase());
            progress.put("bytesRead", p.bytesRead());
            progress.put("bytesTotal", p.bytesTotal());
            progress.put("rows", p.rows());
            body.put("progress", progress);
        });
        body.put("importJob", upload.id()); // an upload is its import job from the start
        body.put("rowsRead", upload.rowsRead().orElse(null));
        body.put("rowsChanged", upload.rowsChanged().orElse(null));
        body.put("summary", upload.summary().orElse(null));
        upload.report().ifPresent(report -> {
            try {
                body.put("report", Json.MAPPER.readTree(report));
            } catch (IOException e) {
                throw new UncheckedIOException("an import report is not JSON", e);
            }
        });
        return body;
    }

    private long number(Context ctx, String param) {
        return parse(ctx, "path " + param, ctx.pathParam(param));
    }

    private long parse(Context ctx, String param, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(ctx, param, message(ctx, "api.number", value));
    }

    private Problem invalid(Context ctx, String param, String reason) {
        return new Problem(400, "invalid-params", message(ctx, "api.check.invalid"),
                Map.of("invalidParams", List.of(Map.of("param", param, "reason", reason))), Map.of());
    }

    private String message(Context ctx, String key, Object... args) {
        return messages.get(requests.language(ctx), key, args);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    /** For {@link ProblemMapper}: the HTTP answer to a lists refusal. */
    static Problem problem(ListsException e) {
        switch (e.kind()) {
            case FORBIDDEN:
                return new Problem(403, "forbidden", e.getMessage());
            case NOT_FOUND:
                return new Problem(404, "not-found", e.getMessage());
            case CONFLICT:
                return new Problem(409, "conflict", e.getMessage());
            case TOO_LARGE:
                return new Problem(413, "too-large", e.getMessage());
            default:
                return new Problem(400, "bad-request", e.getMessage());
        }
    }
}
