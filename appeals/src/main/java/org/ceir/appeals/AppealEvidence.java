package org.ceir.appeals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.detect.DetectSettings;
import org.ceir.detect.ImeiReport;
import org.ceir.store.Database;

/**
 * Everything an analyst weighs for one appeal, in one place: detection's report on the IMEI (its
 * statuses, cases and the timeline of its SIMs by day, as {@code ceir show} prints it), its
 * registrations and payments (and whether the applicant is the registered owner, by the keyed
 * hash of their ID), its pairings, its clone cases, the other appeals about it, and the
 * first-seen rule: which SIM the IMEI first appeared with, and when the SIM the appeal names was
 * seen with it.
 */
public final class AppealEvidence {
    private final Database database;
    private final Country country;
    private final DetectSettings detect;
    private final AppealQueries queries;

    AppealEvidence(Database database, Country country, DetectSettings detect, AppealQueries queries) {
        this.database = database;
        this.country = country;
        this.detect = detect;
        this.queries = queries;
    }

    /**
     * The facts of one appeal.
     *
     * @param imeiReport detection's report on the IMEI, as text with the SIMs' timeline
     * @param firstSeen  the IMEI's first day on a network and the SIMs it had that day (the first-seen rule)
     * @param claimedSim when the SIM the appeal names was seen with the IMEI, if ever
     */
    public record Facts(AppealView appeal, String imeiReport, List<RegistrationFact> registrations,
                        List<PairingFact> pairings, List<CaseFact> cases, List<AppealSummary> otherAppeals,
                        Optional<FirstSeen> firstSeen, Optional<SimSeen> claimedSim) {
    }

    /** Whose a registration is, as far as the register can tell without reading anyone's ID. */
    public enum Owner {
        /** The same ID as the applicant's (their keyed hashes match). */
        APPLICANT,
        /** Someone else. */
        ANOTHER,
        /** The registration holds no owner ID (an imported list, an importer's batch). */
        NOT_RECORDED
    }

    /** A registration of the IMEI and its payment. */
    public record RegistrationFact(String reference, String status, String model, Owner owner,
                                   Optional<String> payment) {
    }

    /** A pairing of the IMEI, active or removed. */
    public record PairingFact(long id, String imsi, String msisdn, String kind, String ref, Instant since,
                              Optional<String> removed) {
        public boolean active() {
            return removed.isEmpty();
        }

        /** How the decision form and the CLI name it for unpairing: the IMSI, else the number. */
        public String name() {
            return imsi != null ? imsi : msisdn;
        }
    }

    /** A clone case of the IMEI. */
    public record CaseFact(long id, String status, double score, Instant openedAt, Optional<String> decision) {
    }

    public record FirstSeen(LocalDate day, List<String> sims) {
    }

    /**
     * @param firstOnImei whether it was on the IMEI on the IMEI's very first day
     */
    public record SimSeen(LocalDate first, LocalDate last, boolean firstOnImei) {
    }

    Facts facts(AppealView appeal, String tracking) {
        Imei imei = Imei.parse(appeal.imei());
        String report = ImeiReport.render(database, country, detect, imei, Optional.empty());
        return database.transaction(connection -> {
            byte[] applicant = applicantHash(connection, tracking);
            Optional<FirstSeen> first = firstSeen(connection, imei.key());
            return new Facts(appeal, report, registrations(connection, imei.key(), applicant),
                    pairings(connection, imei.key()), cases(connection, imei.key()),
                    queries.ofImei(connection, imei.key(), tracking),
                    first, claimedSim(connection, imei.key(), appeal, first));
        });
    }

    private static byte[] applicantHash(Connection connection, String tracking) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT applicant_id_hash FROM appeal WHERE tracking = ?")) {
            query.setString(1, tracking);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    private static List<RegistrationFact> registrations(Connection connection, long imei, byte[] applicant)
            throws SQLException {
        List<RegistrationFact> list = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.reference, r.status,"
                + " concat_ws(' ', r.make, r.model), r.owner_id_hash, p.amount, p.currency, p.channel,"
                + " coalesce(p.paid_at, p.received_at) FROM registration r JOIN registration_imei ri"
                + " ON ri.registration_id = r.id LEFT JOIN payment p ON p.registration_id = r.id"
                + " WHERE ri.imei = ? ORDER BY r.id")) {
            query.setLong(1, imei);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BigDecimal amount = rows.getBigDecimal(5);
                    Optional<String> payment = amount == null ? Optional.empty() : Optional.of(amount.toPlainString()
                            + " " + rows.getString(6) + " (" + rows.getString(7) + ") on "
                            + rows.getObject(8, OffsetDateTime.class).toLocalDate());
                    byte[] owner = rows.getBytes(4);
                    list.add(new RegistrationFact(rows.getString(1), rows.getString(2), rows.getString(3),
                            owner == null ? Owner.NOT_RECORDED : Arrays.equals(owner, applicant) ? Owner.APPLICANT
                                    : Owner.ANOTHER, payment));
                }
            }
        }
        return list;
    }

    private static List<PairingFact> pairings(Connection connection, long imei) throws SQLException {
        List<PairingFact> list = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, imsi, msisdn, kind, ref, created_at,"
                + " removed_at, removed_by, removed_reason FROM pairing WHERE imei = ?"
                + " ORDER BY removed_at IS NOT NULL, id DESC LIMIT 200")) {
            query.setLong(1, imei);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime removed = rows.getObject(7, OffsetDateTime.class);
                    list.add(new PairingFact(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(),
                            removed == null ? Optional.empty() : Optional.of(removed.toLocalDate() + " by "
                                    + rows.getString(8) + ": " + rows.getString(9))));
                }
            }
        }
        return list;
    }

    private static List<CaseFact> cases(Connection connection, long imei) throws SQLException {
        List<CaseFact> list = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, status, score, opened_at, decided_by,"
                + " decision_reason, lifted_by, lift_reason FROM clone_case WHERE imei = ? ORDER BY id DESC")) {
            query.setLong(1, imei);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String decision = rows.getString(7) != null ? "lifted by " + rows.getString(7) + ": " + rows.getString(8)
                            : rows.getString(5) != null ? rows.getString(5) + ": " + rows.getString(6) : null;
                    list.add(new CaseFact(rows.getLong(1), rows.getString(2), rows.getDouble(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(), Optional.ofNullable(decision)));
                }
            }
        }
        return list;
    }

    private static Optional<FirstSeen> firstSeen(Connection connection, long imei) throws SQLException {
        LocalDate day;
        try (PreparedStatement query = connection.prepareStatement("SELECT first_seen FROM network_imei WHERE imei = ?")) {
            query.setLong(1, imei);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                day = row.getObject(1, LocalDate.class);
            }
        }
        List<String> sims = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT coalesce(imsi, '-') || '/' ||"
                + " coalesce(msisdn, '-') FROM network_triplet WHERE imei = ? AND triplet_month = date_trunc('month',"
                + " ?::date) AND first_seen = ? ORDER BY 1 LIMIT 20")) {
            query.setLong(1, imei);
            query.setObject(2, day);
            query.setObject(3, day);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sims.add(rows.getString(1));
                }
            }
        }
        return Optional.of(new FirstSeen(day, sims));
    }

    private static Optional<SimSeen> claimedSim(Connection connection, long imei, AppealView appeal,
                                                Optional<FirstSeen> first) throws SQLException {
        if (appeal.claimedImsi().isEmpty() && appeal.claimedMsisdn().isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT min(first_seen), max(last_seen)"
                + " FROM network_triplet WHERE imei = ? AND (imsi = ? OR msisdn = ?)")) {
            query.setLong(1, imei);
            query.setString(2, appeal.claimedImsi().orElse(null));
            query.setString(3, appeal.claimedMsisdn().orElse(null));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                LocalDate from = row.getObject(1, LocalDate.class);
                if (from == null) {
                    return Optional.empty();
                }
                return Optional.of(new SimSeen(from, row.getObject(2, LocalDate.class),
                        first.isPresent() && first.get().day().equals(from)));
            }
        }
    }
}
