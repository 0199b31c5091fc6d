package org.ceir.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one import found and did: facts about the file, counts, every check with its verdict and
 * sample rows, and the error that refused it if any. Kept as JSON in {@code import_job.report}
 * and written as text to {@code reports/} for people.
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Verdict { PASSED, FAILED, SKIPPED }

    record Check(String name, Verdict verdict, String detail, List<String> samples) {
    }

    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private String outcome = "RUNNING";
    private String error;

    Report fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    Report count(String name, long value) {
        counts.put(name, value);
        return this;
    }

    Check check(String name, Verdict verdict, String detail, List<String> samples) {
        Check check = new Check(name, verdict, detail, samples == null ? List.of() : List.copyOf(samples));
        checks.add(check);
        return check;
    }

    List<Check> failed() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAILED).toList();
    }

    void outcome(String value) {
        this.outcome = value;
    }

    void error(String message) {
        this.error = message;
        this.outcome = "FAILED";
    }

    long countOf(String name) {
        return counts.getOrDefault(name, 0L);
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("outcome", outcome);
        if (error != null) {
            root.put("error", error);
        }
        root.putAll(facts);
        root.put("counts", counts);
        root.put("checks", checks);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append("outcome        ").append(outcome).append('\n');
        if (error != null) {
            out.append("error          ").append(error).append('\n');
        }
        facts.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-14s %s%n", name, value)));
        if (!counts.isEmpty()) {
            out.append("\ncounts\n");
            counts.forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-34s %,d%n", name, value)));
        }
        if (!checks.isEmpty()) {
            out.append("\nchecks\n");
            for (Check check : checks) {
                out.append(String.format(Locale.ROOT, "  %-7s %-28s %s%n", check.verdict(), check.name(), check.detail()));
                for (String sample : check.samples()) {
                    out.append("            ").append(sample).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Writes the text report to {@code directory/<job>-<kind>-<file>.txt}; returns its path. */
    Path write(Path directory, long jobId, ImportKind kind, String fileName) throws IOException {
        Files.createDirectories(directory);
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path path = directory.resolve(jobId + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + safe + ".txt");
        Files.writeString(path, toText(), StandardCharsets.UTF_8);
        return path;
    }

    /** A share as a percentage for people, e.g. {@code 12.50%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
