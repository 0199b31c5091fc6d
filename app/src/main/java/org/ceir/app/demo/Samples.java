package org.ceir.app.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.ceir.core.identity.Imei;
import org.ceir.eir.CheckEngine;
import org.ceir.eir.EirSettings;
import org.ceir.store.Database;

/**
 * The IMEIs the demo tells people to try, chosen from the imported country, each with a SIM seen
 * with it and the verdict the check engine gives now: a clone with a paired and with an unpaired
 * SIM, an unregistered phone inside and past its grace, a stolen one, a registered one. Every
 * candidate is checked by a look-up engine (which counts nothing) and kept only when it gets the
 * verdict its label promises, so what the demo prints is what the doors answer.
 */
final class Samples {
    /** Candidates tried per kind before giving up on it: the first usually fits. */
    private static final int CANDIDATES = 40;

    /** One IMEI to try, with the SIM to try it with and what the engine answers. */
    record Sample(String label, String imei, String imsi, String msisdn, String operator, Outcome outcome,
                  CheckReason reason) {
    }

    private record Candidate(long imei, String imsi, String msisdn, String operator) {
    }

    private final Database database;
    private final EirSettings eir;
    private final Country country;

    Samples(Database database, EirSettings eir, Country country) {
        this.database = database;
        this.eir = eir;
        this.country = country;
    }

    /** Every kind of sample, by label, in the order they are offered. */
    static final List<String> KINDS = List.of("clone, a paired SIM", "clone, a SIM not paired",
            "unregistered, inside its grace", "unregistered, grace over", "stolen", "registered");

    /** The samples found; a kind the country lacks (a tiny one may have no stolen phone) is left out. */
    List<Sample> choose(LocalDate today, List<Long> avoid) {
        Long[] skip = avoid.toArray(Long[]::new);
        String homeImsi = country.mcc() + "%";
        LocalDate graceStart = today.minusDays(eir.graceDays() - 1L);
        List<Sample> found = new ArrayList<>();
        // The clone the demo leaves alone (no appeal on it): its SIMs are paired, and any other SIM is refused.
        List<Candidate> clones = candidates("SELECT p.imei, p.imsi, p.msisdn FROM pairing p"
                + " JOIN device_status s ON s.imei = p.imei AND s.status = 'CLONE'"
                + " WHERE p.removed_at IS NULL AND p.imsi LIKE ? AND p.msisdn IS NOT NULL AND p.imei <> ALL (?)"
                + " ORDER BY (SELECT count(*) FROM pairing q WHERE q.imei = p.imei AND q.removed_at IS NULL) DESC,"
                + " p.imei, p.id", homeImsi, skip);
        first(clones, KINDS.get(0), CheckReason.CLONE_PAIRED_SIM).ifPresent(paired -> {
            found.add(paired);
            long key = Imei.parse(paired.imei()).key();
            // A SIM this IMEI has not had before its confirmation: some other subscriber's, as when a
            // cloned phone takes a new number.
            List<Candidate> strangers = candidates("SELECT ?::bigint, t.imsi, t.msisdn FROM network_triplet t"
                    + " WHERE t.imei <> ? AND t.imsi LIKE ? AND t.msisdn IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.imei = ? AND p.imsi = t.imsi)"
                    + " ORDER BY t.triplet_month DESC, t.imei LIMIT " + CANDIDATES, key, key, homeImsi, key);
            first(strangers, KINDS.get(1), CheckReason.CLONE_UNPAIRED_SIM).ifPresent(found::add);
        });
        String unregistered = "SELECT n.imei, t.imsi, t.msisdn FROM network_imei n"
                + " JOIN LATERAL (SELECT imsi, msisdn FROM network_triplet t WHERE t.imei = n.imei AND t.imsi LIKE ?"
                + "   AND t.msisdn IS NOT NULL ORDER BY t.last_seen DESC LIMIT 1) t ON true"
                + " WHERE n.imei >= 0 AND n.first_seen %s ?"
                + " AND NOT EXISTS (SELECT 1 FROM registration_imei ri WHERE ri.imei = n.imei AND NOT ri.cancelled)"
                + " AND NOT EXISTS (SELECT 1 FROM device_status d WHERE d.imei = n.imei)"
                + " AND n.imei <> ALL (?) ORDER BY n.first_seen %s, n.imei LIMIT " + CANDIDATES;
        first(candidates(String.format(unregistered, ">=", "DESC"), homeImsi, graceStart, skip),
                KINDS.get(2), CheckReason.UNREGISTERED_GRACE).ifPresent(found::add);
        first(candidates(String.format(unregistered, "<", "DESC"), homeImsi, graceStart, skip),
                KINDS.get(3), CheckReason.UNREGISTERED_EXPIRED).ifPresent(found::add);
        String withStatus = "SELECT d.imei, t.imsi, t.msisdn FROM %s d"
                + " JOIN LATERAL (SELECT imsi, msisdn FROM network_triplet t WHERE t.imei = d.imei AND t.imsi LIKE ?"
                + "   AND t.msisdn IS NOT NULL ORDER BY t.last_seen DESC LIMIT 1) t ON true"
                + " WHERE %s AND d.imei <> ALL (?) ORDER BY d.imei LIMIT " + CANDIDATES;
        first(candidates(String.format(withStatus, "device_status", "d.status = 'STOLEN'"), homeImsi, skip),
                KINDS.get(4), CheckReason.STOLEN).ifPresent(found::add);
        first(candidates(String.format(withStatus, "registration_imei", "NOT d.cancelled"
                + " AND NOT EXISTS (SELECT 1 FROM device_status s WHERE s.imei = d.imei)"), homeImsi, skip),
                KINDS.get(5), CheckReason.REGISTERED).ifPresent(found::add);
        return found;
    }

    /** The first candidate the engine gives {@code wanted} for, as a sample. */
    private Optional<Sample> first(List<Candidate> candidates, String label, CheckReason wanted) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        long[] keys = candidates.stream().mapToLong(Candidate::imei).distinct().toArray();
        try (CheckEngine engine = CheckEngine.lookup(database, eir, country, keys)) {
            for (Candidate candidate : candidates) {
                String imei = Imei.ofKey(candidate.imei()).toString();
                int verdict = engine.check(imei, candidate.imsi(), candidate.msisdn(), candidate.operator());
                if (Verdict.reason(verdict) == wanted) {
                    return Optional.of(new Sample(label, imei, candidate.imsi(), candidate.msisdn(),
                            candidate.operator(), Verdict.outcome(verdict), wanted));
                }
            }
        }
        return Optional.empty();
    }

    private List<Candidate> candidates(String sql, Object... parameters) {
        return database.transaction(connection -> read(connection, sql, parameters));
    }

    private List<Candidate> read(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long[] keys) {
                    query.setArray(i + 1, connection.createArrayOf("bigint", keys));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            List<Candidate> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String imsi = rows.getString(2);
                    found.add(new Candidate(rows.getLong(1), imsi, rows.getString(3), operatorOf(imsi)));
                }
            }
            return found;
        }
    }

    /** The home operator whose MCC and MNC start the IMSI: the network the SIM attaches through. */
    private String operatorOf(String imsi) {
        return country.operators().stream().filter(o -> imsi.startsWith(o.mcc() + o.mnc())).map(o -> o.code())
                .findFirst().orElse(country.operators().get(0).code());
    }
}
