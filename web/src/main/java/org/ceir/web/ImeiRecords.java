package org.ceir.web;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * What the IMEI page adds to detect's dossier: each registration's duty and payment (the
 * registration module's {@code payment} table), and the audit entries about the IMEI and its
 * registrations.
 */
final class ImeiRecords {
    /** How many audit entries of each subject the page lists. */
    static final int AUDIT_ENTRIES = 100;

    private ImeiRecords() {
    }

    /** A registration's duty and, once paid, its payment. */
    record Duty(Optional<BigDecimal> amount, Optional<String> currency, Optional<String> tariff,
                Optional<Payment> payment) {
    }

    record Payment(String reference, BigDecimal amount, String currency, String channel, String receivedBy,
                   OffsetDateTime receivedAt) {
    }

    static Map<String, Duty> duties(Database database, List<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return database.transaction(connection -> {
            Map<String, Duty> duties = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT r.reference, r.duty_amount, r.duty_currency, r.tariff_version, p.reference, p.amount,"
                            + " p.currency, p.channel, p.received_by, p.received_at FROM registration r"
                            + " LEFT JOIN payment p ON p.registration_id = r.id WHERE r.reference = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", references.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Optional<Payment> payment = rows.getString(5) == null ? Optional.empty()
                                : Optional.of(new Payment(rows.getString(5), rows.getBigDecimal(6), rows.getString(7),
                                        rows.getString(8), rows.getString(9), rows.getObject(10, OffsetDateTime.class)));
                        duties.put(rows.getString(1), new Duty(Optional.ofNullable(rows.getBigDecimal(2)),
                                Optional.ofNullable(rows.getString(3)), Optional.ofNullable(rows.getString(4)), payment));
                    }
                }
            }
            return duties;
        });
    }

    /** The audit entries about the IMEI ({@code imei:<body>}) and its registrations, newest first. */
    static List<AuditLog.Entry> audit(Database database, String body, List<String> references) {
        List<String> subjects = new ArrayList<>();
        subjects.add("imei:" + body);
        references.forEach(reference -> subjects.add("registration:" + reference));
        return database.transaction(connection -> {
            Map<Long, AuditLog.Entry> entries = new LinkedHashMap<>();
            for (String subject : subjects) {
                for (AuditLog.Entry entry : AuditLog.find(connection,
                        AuditLog.Query.newest(AUDIT_ENTRIES).withSubject(subject))) {
                    entries.put(entry.id(), entry);
                }
            }
            List<AuditLog.Entry> newestFirst = new ArrayList<>(entries.values());
            newestFirst.sort(Comparator.comparingLong(AuditLog.Entry::id).reversed());
            return newestFirst;
        });
    }
}
