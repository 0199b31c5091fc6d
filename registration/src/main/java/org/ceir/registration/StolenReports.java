package org.ceir.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.store.AuditLog;
import org.ceir.store.ChangeLog;
import org.ceir.store.Database;

/**
 * Lost and stolen phones. A report blocks every IMEI of the phone at once (device_status STOLEN,
 * sticky: only a person lifts it), for every SIM; a recovery lifts the block. Owners report with a
 * police reference and prove who they are with their ID, which works only for a phone registered
 * and paid for (the ID is checked against its registration's); clerks report any phone on the
 * owner's behalf, having seen the documents.
 * Both steps are audited and put on the change log in the same transaction, so the checks see them
 * within a second. The open reports export as a DIRBS stolen list.
 */
public final class StolenReports {
    private static final DateTimeFormatter DIRBS_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String SELECT = "SELECT s.reference, s.kind, s.imeis, r.reference, s.reported_at,"
            + " s.recovered_at, s.reporter, s.police_reference, s.reported_by, s.recovered_by"
            + " FROM stolen_report s LEFT JOIN registration r ON r.id = s.registration_id";

    private final Database database;
    private final OwnerIds ownerIds;
    private final ZoneId zone;

    /** Who reports: the owner (police reference and ID needed) or a clerk. */
    public enum Reporter { OWNER, CLERK }

    /** Lost or stolen: both block; the difference is for the police and the statistics. */
    public enum Kind { LOST, STOLEN }

    /**
     * A report.
     *
     * @param kind            lost or stolen
     * @param reporter        the owner or a clerk
     * @param registration    the phone's registration reference, or empty to name it by IMEIs
     * @param imeis           IMEIs of the phone (any one of a registered phone finds all of them)
     * @param policeReference the police report's number; required from owners
     * @param ownerId         the owner's ID, required from owners of a registered phone
     */
    public record Report(Kind kind, Reporter reporter, Optional<String> registration, List<String> imeis,
                         Optional<String> policeReference, Optional<String> ownerId) {
    }

    /**
     * A report as staff see it (an owner sees their own). No owner ID: a report names the phone.
     *
     * @param reporter        whether the owner or a clerk reported it
     * @param policeReference the police report's number, when one was given
     * @param reportedBy      the actor who filed it (a clerk's user name, or the online channel)
     * @param recoveredBy     the actor who lifted it, once recovered
     */
    public record Reported(String reference, Kind kind, List<String> imeis, Optional<String> registration,
                           Instant reportedAt, Optional<Instant> recoveredAt, Reporter reporter,
                           Optional<String> policeReference, String reportedBy, Optional<String> recoveredBy) {
    }

    public StolenReports(Database database, OwnerIds ownerIds, ZoneId zone) {
        this.database = database;
        this.ownerIds = ownerIds;
        this.zone = zone;
    }

    /** Reports a phone lost or stolen: all its IMEIs are blocked at once. */
    public Reported report(Report report, String actor) {
        String police = report.policeReference().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (report.reporter() == Reporter.OWNER && police == null) {
            throw invalid("an owner's report needs the police report's reference");
        }
        Set<Long> typed = new LinkedHashSet<>();
        for (String text : report.imeis()) {
            try {
                typed.add(Imei.parse(text).key());
            } catch (InvalidIdentityException e) {
                throw invalid(e.getMessage());
            }
        }
        if (typed.isEmpty() && report.registration().filter(r -> !r.isBlank()).isEmpty()) {
            throw invalid("name the phone: its registration reference or its IMEIs");
        }
        return database.transaction(connection -> {
            Long registrationId = null;
            String registrationRef = null;
            String registrationStatus = null;
            byte[] ownerHash = null;
            if (report.registration().filter(r -> !r.isBlank()).isPresent()) {
                registrationRef = References.normalize(report.registration().get());
                try (PreparedStatement query = connection.prepareStatement("SELECT id, owner_id_hash, status"
                        + " FROM registration WHERE reference = ? AND status <> 'CANCELLED'")) {
                    query.setString(1, registrationRef);
                    try (ResultSet row = query.executeQuery()) {
                        if (!row.next()) {
                            throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "no live registration "
                                    + registrationRef);
                        }
                        registrationId = row.getLong(1);
                        ownerHash = row.getBytes(2);
                        registrationStatus = row.getString(3);
                    }
                }
            } else {
                try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.reference, r.owner_id_hash,"
                        + " r.status FROM registration_imei ri JOIN registration r ON r.id = ri.registration_id"
                        + " WHERE NOT ri.cancelled AND ri.imei = ANY (?) ORDER BY r.id")) {
                    query.setArray(1, connection.createArrayOf("bigint", typed.toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        if (rows.next()) {
                            registrationId = rows.getLong(1);
                            registrationRef = rows.getString(2);
                            ownerHash = rows.getBytes(3);
                            registrationStatus = rows.getString(4);
                            if (rows.next() && rows.getLong(1) != registrationId) {
                                throw invalid("these IMEIs belong to two registrations (" + registrationRef + ", "
                                        + rows.getString(2) + "); report one phone at a time");
                            }
                        }
                    }
                }
            }
            if (report.reporter() == Reporter.OWNER && registrationId == null) {
                // No owner on record to prove the ID against: a clerk sees the documents instead.
                throw new RegistrationException(RegistrationException.Kind.FORBIDDEN, "no registration names these"
                        + " IMEIs, so there is no owner to check the ID against; a phone that is not registered is"
                        + " reported by a clerk at a post office, with proof that it is yours");
            }
            Set<Long> imeis = new LinkedHashSet<>();
            if (registrationId != null) {
                long[] ofPhone = Activation.liveImeis(connection, registrationId);
                for (long imei : ofPhone) {
                    imeis.add(imei);
                }
                if (ofPhone.length > 0 && !Arrays.stream(ofPhone).boxed().toList().containsAll(typed)) {
                    throw invalid("IMEIs given that are not of registration " + registrationRef
                            + "; report one phone at a time");
                }
                if (report.reporter() == Reporter.OWNER) {
                    String id = report.ownerId().orElseThrow(() -> new RegistrationException(
                            RegistrationException.Kind.FORBIDDEN, "an owner's report needs the owner's ID"));
                    if (ownerHash == null || !Arrays.equals(ownerHash, ownerIds.lookupHash(ownerIds.normalize(id)))) {
                        throw new RegistrationException(RegistrationException.Kind.FORBIDDEN,
                                "the ID given is not the owner's of registration " + registrationRef);
                    }
                    // An unpaid application proves nothing: anyone may file one with their own ID for any
                    // IMEI they have read off a phone, and then block it.
                    if (!"ACTIVE".equals(registrationStatus)) {
                        throw new RegistrationException(RegistrationException.Kind.CONFLICT, "registration "
                                + registrationRef + " is not paid yet, so its owner cannot report the phone on their"
                                + " own; a clerk at a post office can, with proof that it is yours");
                    }
                }
            }
            imeis.addAll(typed);
            long[] keys = imeis.stream().mapToLong(Long::longValue).toArray();
            try (PreparedStatement query = connection.prepareStatement("SELECT imei, ref FROM device_status"
                    + " WHERE status = 'STOLEN' AND imei = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("bigint", imeis.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        throw new RegistrationException(RegistrationException.Kind.CONFLICT, "IMEI "
                                + Imei.ofKey(row.getLong(1)) + " is already reported lost or stolen ("
                                + row.getString(2) + ")");
                    }
                }
            }
            String reference = References.next('S');
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stolen_report (reference, kind,"
                    + " registration_id, imeis, reporter, police_reference, reported_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reference);
                insert.setString(2, report.kind().name());
                insert.setObject(3, registrationId);
                insert.setArray(4, connection.createArrayOf("bigint", imeis.toArray()));
                insert.setString(5, report.reporter().name());
                insert.setString(6, police);
                insert.setString(7, actor);
                insert.executeUpdate();
            }
            String reason = "reported " + report.kind().name().toLowerCase(java.util.Locale.ROOT) + " by the "
                    + report.reporter().name().toLowerCase(java.util.Locale.ROOT)
                    + (police == null ? "" : ", police reference " + police);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device_status (imei, status,"
                    + " reason, ref, sticky, set_by) VALUES (?, 'STOLEN', ?, ?, true, ?)")) {
                for (long imei : keys) {
                    insert.setLong(1, imei);
                    insert.setString(2, reason);
                    insert.setString(3, reference);
                    insert.setString(4, actor);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String detail = Json.object("status", "STOLEN", "report", reference);
            for (long imei : keys) {
                ChangeLog.append(connection, imei, "STATUS_SET", detail);
            }
            AuditLog.append(connection, actor, "STOLEN_REPORTED", "stolen:" + reference, null,
                    Json.object("kind", report.kind().name(), "imeis", Registrations.imeiStrings(keys),
                            "registration", registrationRef, "reporter", report.reporter().name(),
                            "police_reference", police), reason);
            return read(connection, reference).orElseThrow();
        });
    }

    /** Lifts a report: its IMEIs are no longer blocked as stolen. An owner proves who they are with their ID. */
    public Reported recover(String reportReference, Reporter reporter, Optional<String> ownerId, String actor) {
        return recover(reportReference, reporter, ownerId, "", actor);
    }

    /**
     * Lifts a report, as {@link #recover(String, Reporter, Optional, String)}, with a note for the
     * audit log (what the clerk saw: the phone, the owner's ID card, the police's letter).
     */
    public Reported recover(String reportReference, Reporter reporter, Optional<String> ownerId, String note,
                            String actor) {
        String ref = References.normalize(reportReference);
        String seen = note == null || note.isBlank() ? "" : "; " + note.strip();
        return database.transaction(connection -> {
            long[] imeis;
            byte[] ownerHash;
            try (PreparedStatement query = connection.prepareStatement("SELECT s.imeis, s.recovered_at, r.owner_id_hash"
                    + " FROM stolen_report s LEFT JOIN registration r ON r.id = s.registration_id"
                    + " WHERE s.reference = ? FOR UPDATE OF s")) {
                query.setString(1, ref);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "no stolen report " + ref);
                    }
                    if (row.getTimestamp(2) != null) {
                        throw new RegistrationException(RegistrationException.Kind.CONFLICT, "report " + ref
                                + " was already recovered");
                    }
                    imeis = longs(row.getArray(1));
                    ownerHash = row.getBytes(3);
                }
            }
            if (reporter == Reporter.OWNER) {
                String id = ownerId.orElseThrow(() -> new RegistrationException(RegistrationException.Kind.FORBIDDEN,
                        "an owner's recovery needs the owner's ID"));
                if (ownerHash == null || !Arrays.equals(ownerHash, ownerIds.lookupHash(ownerIds.normalize(id)))) {
                    throw new RegistrationException(RegistrationException.Kind.FORBIDDEN,
                            "the ID given is not the phone's owner's; a clerk can recover it with proof of ownership");
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM device_status"
                    + " WHERE status = 'STOLEN' AND ref = ? AND imei = ANY (?)")) {
                delete.setString(1, ref);
                delete.setArray(2, connection.createArrayOf("bigint", Arrays.stream(imeis).boxed().toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE stolen_report SET recovered_at = now(),"
                    + " recovered_by = ? WHERE reference = ?")) {
                update.setString(1, actor);
                update.setString(2, ref);
                update.executeUpdate();
            }
            String detail = Json.object("status", "STOLEN", "report", ref);
            for (long imei : imeis) {
                ChangeLog.append(connection, imei, "STATUS_CLEARED", detail);
            }
            AuditLog.append(connection, actor, "STOLEN_RECOVERED", "stolen:" + ref,
                    Json.object("status", "STOLEN"), Json.object("status", "RECOVERED"),
                    "recovered, confirmed by the " + reporter.name().toLowerCase(java.util.Locale.ROOT) + seen);
            return read(connection, ref).orElseThrow();
        });
    }

    /** A report by its reference. */
    public Optional<Reported> find(String reference) {
        return database.transaction(connection -> read(connection, References.normalize(reference)));
    }

    /**
     * Writes every IMEI blocked as lost or stolen as a DIRBS stolen list: {@code imei,reporting_date,status},
     * the IMEI's 14 digits, the day it was reported ({@code YYYYMMDD}) and {@code blacklist}. Includes
     * IMEIs set STOLEN by imported lists, not only by reports made here.
     *
     * @return the rows written
     */
    public long exportDirbs(Writer out) {
        return database.transaction(connection -> {
            long rows = 0;
            try {
                out.write("imei,reporting_date,status\n");
                try (PreparedStatement query = connection.prepareStatement("SELECT imei, since FROM device_status"
                        + " WHERE status = 'STOLEN' ORDER BY imei")) {
                    query.setFetchSize(10_000);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            out.write(Imei.formatKey(row.getLong(1)));
                            out.write(',');
                            out.write(DIRBS_DAY.format(row.getTimestamp(2).toInstant().atZone(zone)));
                            out.write(",blacklist\n");
                            rows++;
                        }
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the stolen list: " + e.getMessage(), e);
            }
            return rows;
        });
    }

    private static Optional<Reported> read(Connection connection, String reference) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE s.reference = ?")) {
            query.setString(1, reference);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(reported(row)) : Optional.empty();
            }
        }
    }

    /**
     * The newest reports first.
     *
     * @param openOnly only those not recovered
     * @param limit    at most this many
     */
    public List<Reported> recent(boolean openOnly, int limit) {
        return database.transaction(connection -> {
            List<Reported> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(SELECT
                    + " WHERE (NOT ? OR s.recovered_at IS NULL) ORDER BY s.reported_at DESC, s.id DESC LIMIT ?")) {
                query.setBoolean(1, openOnly);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(reported(rows));
                    }
                }
            }
            return found;
        });
    }

    /** The reports that named a registration, newest first. */
    static List<Reported> ofRegistration(Connection connection, long registrationId) throws SQLException {
        List<Reported> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SELECT
                + " WHERE s.registration_id = ? ORDER BY s.reported_at DESC, s.id DESC")) {
            query.setLong(1, registrationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(reported(rows));
                }
            }
        }
        return found;
    }

    private static Reported reported(ResultSet row) throws SQLException {
        List<String> imeis = new ArrayList<>();
        for (long imei : longs(row.getArray(3))) {
            imeis.add(Imei.ofKey(imei).toString());
        }
        return new Reported(row.getString(1), Kind.valueOf(row.getString(2)), imeis,
                Optional.ofNullable(row.getString(4)), row.getTimestamp(5).toInstant(),
                Optional.ofNullable(row.getTimestamp(6)).map(java.sql.Timestamp::toInstant),
                Reporter.valueOf(row.getString(7)), Optional.ofNullable(row.getString(8)), row.getString(9),
                Optional.ofNullable(row.getString(10)));
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    private static RegistrationException invalid(String message) {
        return new RegistrationException(RegistrationException.Kind.INVALID, message);
    }
}
