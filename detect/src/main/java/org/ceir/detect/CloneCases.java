package org.ceir.detect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ceir.core.country.Country;
import org.ceir.store.Database;

/**
 * The review queue of suspected clones ({@code ceir cases …}): list, show, and an analyst's
 * decisions. Confirming makes the IMEI CLONE and pairs the SIMs already on it; dismissing clears
 * the suspicion and remembers the SIMs seen, so only a new SIM re-opens it; lifting undoes a
 * confirmation. Each decision requires a reason and is audited with who, when and why.
 */
public final class CloneCases {
    /** What a case can be, and ALL of them, as filters name them. */
    private static final List<String> STATUSES = List.of("ALL", "OPEN", "CONFIRMED", "DISMISSED", "LIFTED", "EXPIRED");

    private final Database database;
    private final Country country;
    private final DetectSettings settings;

    public CloneCases(Database database, Country country, DetectSettings settings) {
        this.database = database;
        this.country = country;
        this.settings = settings;
    }

    /** One case, as the queue lists it. */
    public record CaseSummary(long id, String imei, String condition, String status, double score, int sims,
                              OffsetDateTime openedAt, String decidedBy, OffsetDateTime decidedAt, String reason) {
    }

    /** The outcome of a decision. */
    public record Decision(CaseSummary decided, int pairingsChanged) {
    }

    /** Cases by status ({@code OPEN}, … or {@code ALL}), highest score first for open ones. */
    public List<CaseSummary> list(String status, int limit) {
        String wanted = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            throw new IllegalArgumentException("status '" + status + "': one of open, confirmed, dismissed, lifted,"
                    + " expired, all");
        }
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM clone_case WHERE (? = 'ALL' OR status = ?) ORDER BY"
                            + " CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, score DESC, id LIMIT ?")) {
                query.setString(1, wanted);
                query.setString(2, wanted);
                query.setInt(3, limit);
                List<CaseSummary> cases = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        cases.add(summary(rows));
                    }
                }
                return cases;
            }
        });
    }

    /** How the queue is ordered after its open cases, which always come first. */
    public enum Sort {
        SCORE_DESC("score DESC, id"), SCORE_ASC("score, id"), OPENED_DESC("opened_at DESC, id DESC"),
        OPENED_ASC("opened_at, id"), SIMS_DESC("cardinality(imsis) DESC, score DESC, id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * What the queue shows: a status ({@code ALL} or one), optionally one condition, a least score,
     * IMEIs starting with some digits (a TAC), opened between two days; sorted, a page at a time.
     */
    public record CaseQuery(String status, Optional<String> condition, OptionalDouble minScore,
                            Optional<String> imeiPrefix, Optional<LocalDate> openedFrom, Optional<LocalDate> openedTo,
                            Sort sort, int limit, int offset) {
        public CaseQuery {
            status = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("status '" + status + "': one of open, confirmed, dismissed, lifted,"
                        + " expired, all");
            }
            if (imeiPrefix.isPresent() && !imeiPrefix.get().matches("[0-9]{1,15}")) {
                throw new IllegalArgumentException("IMEI filter '" + imeiPrefix.get() + "': the first digits of an IMEI,"
                        + " e.g. a TAC of 8 digits");
            }
            imeiPrefix = imeiPrefix.map(p -> p.length() == 15 ? p.substring(0, 14) : p);
            if (limit < 1 || limit > 1000 || offset < 0) {
                throw new IllegalArgumentException("a page holds 1 to 1000 cases from offset 0 or more");
            }
        }

        /** The open cases, highest score first. */
        public static CaseQuery open(int limit) {
            return new CaseQuery("OPEN", Optional.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Sort.SCORE_DESC, limit, 0);
        }
    }

    /** A page of the queue and how many cases match in all. */
    public record CasePage(List<CaseSummary> cases, long total) {
    }

    /** Everything about one case, for a person deciding it or checking a decision. */
    public record CaseDetails(CaseSummary summary, Optional<Long> reopens, Optional<Long> openedRun,
                              Optional<String> liftedBy, Optional<OffsetDateTime> liftedAt, Optional<String> liftReason,
                              List<String> imsis, Evidence evidenceAtOpen, Optional<Evidence> evidenceAtDecision) {
    }

    /** The cases matching {@code query}: open ones first, then in the query's order. */
    public CasePage search(CaseQuery query) {
        StringBuilder where = new StringBuilder(" WHERE (? = 'ALL' OR status = ?)");
        List<Object> parameters = new ArrayList<>(List.of(query.status(), query.status()));
        query.condition().ifPresent(condition -> {
            where.append(" AND condition = ?");
            parameters.add(condition);
        });
        query.minScore().ifPresent(score -> {
            where.append(" AND score >= ?");
            parameters.add(score);
        });
        query.imeiPrefix().ifPresent(prefix -> {
            // IMEI keys are 14-digit bodies; the prefix is digits only (checked), so LIKE sees no wildcard
            where.append(" AND lpad(imei::text, 14, '0') LIKE ?");
            parameters.add(prefix + "%");
        });
        query.openedFrom().ifPresent(day -> {
            where.append(" AND opened_at >= ?");
            parameters.add(day);
        });
        query.openedTo().ifPresent(day -> {
            where.append(" AND opened_at < ?");
            parameters.add(day.plusDays(1));
        });
        return database.transaction(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM clone_case" + where)) {
                bind(count, parameters);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<CaseSummary> cases = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM clone_case" + where
                    + " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, " + query.sort().orderBy
                    + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(parameters);
                all.add(query.limit());
                all.add(query.offset());
                bind(select, all);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        cases.add(summary(rows));
                    }
                }
            }
            return new CasePage(cases, total);
        });
    }

    /** How many cases there are in each status. */
    public Map<String, Long> countsByStatus() {
        return database.transaction(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            STATUSES.subList(1, STATUSES.size()).forEach(status -> counts.put(status, 0L));
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT status, count(*) FROM clone_case GROUP BY status");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    /** The conditions cases were opened under, for a filter's choices. */
    public List<String> conditions() {
        return database.transaction(connection -> {
            List<String> labels = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT DISTINCT condition FROM clone_case ORDER BY condition");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    labels.add(rows.getString(1));
                }
            }
            return labels;
        });
    }

    /** A case with its evidence when opened and, if decided, when decided; empty when there is no such case. */
    public Optional<CaseDetails> details(long id) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM clone_case WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String decided = row.getString("evidence_at_decision");
                    return Optional.of(new CaseDetails(summary(row), optionalLong(row, "reopens"),
                            optionalLong(row, "opened_run"), Optional.ofNullable(row.getString("lifted_by")),
                            Optional.ofNullable(row.getObject("lifted_at", OffsetDateTime.class)),
                            Optional.ofNullable(row.getString("lift_reason")),
                            List.of((String[]) row.getArray("imsis").getArray()),
                            Json.read(row.getString("evidence_at_open"), Evidence.class),
                            Optional.ofNullable(decided).map(json -> Json.read(json, Evidence.class))));
                }
            }
        });
    }

    /** Every case of one IMEI, oldest first. */
    public List<CaseSummary> casesOf(long imei) {
        return database.transaction(connection -> casesOf(connection, imei));
    }

    static List<CaseSummary> casesOf(Connection connection, long imei) throws SQLException {
        List<CaseSummary> cases = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM clone_case WHERE imei = ? ORDER BY id")) {
            query.setLong(1, imei);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.add(summary(rows));
                }
            }
        }
        return cases;
    }

    private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /** A case by id, with the evidence it was opened on and, if decided, decided on. */
    public String show(long id) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM clone_case WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("there is no case " + id + "; ceir cases list shows the cases");
                    }
                    CaseSummary summary = summary(row);
                    StringBuilder out = new StringBuilder();
                    out.append(String.format(Locale.ROOT, "case %d  IMEI %s  %s  score %.0f  condition %s%n", summary.id(),
                            summary.imei(), summary.status(), summary.score(), summary.condition()));
                    out.append("opened  ").append(summary.openedAt());
                    long reopens = row.getLong("reopens");
                    out.append(row.wasNull() ? "" : " (re-opens case " + reopens + ")").append('\n');
                    if (summary.decidedBy() != null) {
                        out.append("decided ").append(summary.decidedAt()).append(" by ").append(summary.decidedBy())
                                .append(": ").append(summary.reason()).append('\n');
                    }
                    if (row.getString("lifted_by") != null) {
                        out.append("lifted  ").append(row.getObject("lifted_at", OffsetDateTime.class)).append(" by ")
                                .append(row.getString("lifted_by")).append(": ").append(row.getString("lift_reason"))
                                .append('\n');
                    }
                    String decided = row.getString("evidence_at_decision");
                    Evidence evidence = Json.read(decided != null ? decided : row.getString("evidence_at_open"), Evidence.class);
                    out.append('\n').append(decided != null ? "evidence at decision" : "evidence when opened").append('\n');
                    out.append(Timeline.render(evidence));
                    return out.toString();
                }
            }
        });
    }

    /** The id of the IMEI's newest case, if it has one. */
    public Optional<Long> caseOf(long imei) {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM clone_case WHERE imei = ? ORDER BY id DESC LIMIT 1")) {
                query.setLong(1, imei);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Confirms an open case: CLONE, and GRANDFATHERED pairings of the SIMs of the last pairing-lookback-days. */
    public Decision confirm(long id, String actor, String reason) {
        requireReason(reason, "confirm");
        return database.transaction(connection -> {
            CaseActions.CaseRow row = CaseActions.lockCase(connection, id);
            Snapshot now = snapshot(connection, row.imei());
            String conditionReason = settings.conditions().stream().filter(c -> c.label().equals(row.condition()))
                    .map(ConditionConfig::reason).findFirst().orElse("IMEI copied onto other phones");
            LocalDate pairFrom = now.newest().plusDays(1).minusDays(settings.pairingLookbackDays());
            int paired = CaseActions.confirm(connection, row, reason.strip(), conditionReason, actor, now.evidence(),
                    now.imsis(), pairFrom);
            return new Decision(reload(connection, id), paired);
        });
    }

    /** Dismisses an open case; the SIMs seen now are remembered, so only a new one re-opens it. */
    public Decision dismiss(long id, String actor, String reason) {
        requireReason(reason, "dismiss");
        return database.transaction(connection -> {
            CaseActions.CaseRow row = CaseActions.lockCase(connection, id);
            Snapshot now = snapshot(connection, row.imei());
            CaseActions.dismiss(connection, row, reason.strip(), actor, now.evidence(), now.imsis());
            return new Decision(reload(connection, id), 0);
        });
    }

    /** Lifts a confirmed case: CLONE goes, and so do the pairings its confirmation made. */
    public Decision lift(long id, String actor, String reason) {
        requireReason(reason, "lift");
        return database.transaction(connection -> {
            CaseActions.CaseRow row = CaseActions.lockCase(connection, id);
            Snapshot now = snapshot(connection, row.imei());
            int removed = CaseActions.lift(connection, row, reason.strip(), actor, now.imsis());
            return new Decision(reload(connection, id), removed);
        });
    }

    private record Snapshot(LocalDate newest, String evidence, List<String> imsis) {
    }

    /** The IMEI's evidence now, over the configured window ending with the newest data. */
    private Snapshot snapshot(Connection connection, long imei) throws SQLException {
        LocalDate newest = Classifier.newestDataDay(connection).orElse(LocalDate.now());
        LocalDate end = newest.plusDays(1);
        Optional<Evidence> evidence = SingleImei.evidence(connection, country, imei, newest, settings.windowDays(),
                settings.evidenceSims());
        String json = evidence.map(Json::write).orElse(Json.write(java.util.Map.of("imei",
                org.ceir.core.identity.Imei.formatKey(imei), "note", "not seen in the window")));
        return new Snapshot(newest, json, SingleImei.imsis(connection, imei, end.minusDays(settings.windowDays()), end));
    }

    private static CaseSummary reload(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM clone_case WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return summary(row);
            }
        }
    }

    private static CaseSummary summary(ResultSet row) throws SQLException {
        return new CaseSummary(row.getLong("id"), org.ceir.core.identity.Imei.formatKey(row.getLong("imei")),
                row.getString("condition"), row.getString("status"), row.getDouble("score"),
                ((String[]) row.getArray("imsis").getArray()).length, row.getObject("opened_at", OffsetDateTime.class),
                row.getString("decided_by"), row.getObject("decided_at", OffsetDateTime.class),
                row.getString("decision_reason"));
    }

    private static void requireReason(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give a reason to " + verb + " a case (--reason \"…\"): it is audited");
        }
    }
}
