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
        String unregistered = "SELECT n.imei FROM network_imei n"
                + " WHERE n.imei >= 0 AND n.first_seen %s ?"
                + " AND NOT EXISTS (SELECT 1 FROM registration_imei ri WHERE ri.imei = n.imei AND NOT ri.cancelled)"
                + " AND NOT EXISTS (SELECT 1 FROM device_status d WHERE d.imei = n.imei)"
                + " AND n.imei <> ALL (?) ORDER BY n.first_seen DESC, n.imei LIMIT " + CANDIDATES;
        first(withSims(String.format(unregistered, ">="), homeImsi, graceStart, skip), KINDS.get(2),
                CheckReason.UNREGISTERED_GRACE).ifPresent(found::add);
        first(withSims(String.format(unregistered, "<"), homeImsi, graceStart, skip), KINDS.get(3),
                CheckReason.UNREGISTERED_EXPIRED).ifPresent(found::add);
        first(withSims("SELECT d.imei FROM device_status d WHERE d.status = 'STOLEN' AND d.imei <> ALL (?)"
                + " AND EXISTS (SELECT 1 FROM network_imei n WHERE n.imei = d.imei) ORDER BY d.imei LIMIT " + CANDIDATES,
                homeImsi, (Object) skip), KINDS.get(4), CheckReason.STOLEN).ifPresent(found::add);
        first(withSims("SELECT ri.imei FROM registration_imei ri JOIN network_imei n ON n.imei = ri.imei"
                + " WHERE NOT ri.cancelled AND NOT EXISTS (SELECT 1 FROM device_status s WHERE s.imei = ri.imei)"
                + " AND ri.imei <> ALL (?) ORDER BY ri.imei LIMIT " + CANDIDATES, homeImsi, (Object) skip), KINDS.get(5),
                CheckReason.REGISTERED).ifPresent(found::add);
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

    /**
     * The IMEIs {@code imeisSql} selects (its parameters after the first), each with the newest home
     * SIM seen with it. One pass over the triplets for all of them: they have no index by IMEI alone.
     */
    private List<Candidate> withSims(String imeisSql, String homeImsi, Object... parameters) {
        return database.transaction(connection -> {
            List<Long> imeis = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(imeisSql)) {
                bind(connection, query, parameters);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        imeis.add(rows.getLong(1));
                    }
                }
            }
            List<Candidate> found = read(connection, "SELECT DISTINCT ON (t.imei) t.imei, t.imsi, t.msisdn"
                    + " FROM network_triplet t WHERE t.imei = ANY (?) AND t.imsi LIKE ? AND t.msisdn IS NOT NULL"
                    + " ORDER BY t.imei, t.last_seen DESC", (Object) imeis.toArray(Long[]::new), homeImsi);
            // in the order the IMEIs were chosen
            found.sort(java.util.Comparator.comparingInt(c -> imeis.indexOf(c.imei())));
            return found;
        });
    }

    private List<Candidate> candidates(String sql, Object... parameters) {
        return database.transaction(connection -> read(connection, sql, parameters));
    }

    private List<Candidate> read(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
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

    private static void bind(Connection connection, PreparedStatement query, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Long[] keys) {
                query.setArray(i + 1, connection.createArrayOf("bigint", keys));
            } else {
                query.setObject(i + 1, parameters[i]);
            }
        }
    }

    /** The home operator whose MCC and MNC start the IMSI: the network the SIM attaches through. */
    private String operatorOf(String imsi) {
        return country.operators().stream().filter(o -> imsi.startsWith(o.mcc() + o.mnc())).map(o -> o.code())
                .findFirst().orElse(country.operators().get(0).code());
    }
}
