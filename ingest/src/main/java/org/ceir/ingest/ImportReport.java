package org.ceir.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One import and the report it recorded ({@code import_job.report}): what the file was, what was
 * counted, every check with its verdict and sample rows, and the error that refused it, if any.
 *
 * @param outcome RUNNING, SUCCEEDED, UNCHANGED or FAILED, as the report says
 * @param facts   the file, its size and hash, who imported it, when, in which mode…, in order
 * @param counts  rows read, rows per kind of problem, rows merged…, in order
 */
public record ImportReport(ImportJob job, String outcome, Optional<String> error, Map<String, String> facts,
                           Map<String, Long> counts, List<Check> checks) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A data-quality check.
     *
     * @param verdict PASSED, FAILED or SKIPPED
     * @param samples rows that failed it, as read
     */
    public record Check(String name, String verdict, String detail, List<String> samples) {
    }

    public ImportReport {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        checks = List.copyOf(checks);
    }

    /** The report of {@code job} from its stored JSON (null while a job has written none). */
    static ImportReport of(ImportJob job, String json) {
        if (json == null) {
            return new ImportReport(job, job.status(), job.error(), Map.of(), Map.of(), List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of import job " + job.id() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();
        root.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "outcome", "error" -> { }
                case "counts" -> field.getValue().fields()
                        .forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asLong()));
                case "checks" -> field.getValue().forEach(check -> {
                    List<String> samples = new ArrayList<>();
                    check.path("samples").forEach(sample -> samples.add(sample.asText()));
                    checks.add(new Check(check.path("name").asText(), check.path("verdict").asText(),
                            check.path("detail").asText(), samples));
                });
                default -> facts.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString());
            }
        });
        return new ImportReport(job, root.path("outcome").asText(job.status()),
                Optional.ofNullable(root.get("error")).map(JsonNode::asText), facts, counts, checks);
    }
}
