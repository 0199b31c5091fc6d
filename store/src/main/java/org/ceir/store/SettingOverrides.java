package org.ceir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioned overrides of settings, set by people in the staff console: each change is a new
 * version of its setting with who, when and why, audited in the same transaction. The newest
 * version of a setting wins over the configuration files until a later version restores the
 * configured value. Which settings may be overridden, and what a valid value is, the caller
 * decides (the app checks a value by binding it with the module's settings record); this class
 * only keeps the history.
 */
public final class SettingOverrides {
    /** Two-key advisory lock class ("sett"): one change of a setting at a time. */
    private static final int LOCK_CLASS = 0x73657474;

    private SettingOverrides() {
    }

    /**
     * One version of an override.
     *
     * @param path    the setting, e.g. {@code detect.conditions}
     * @param version 1, 2, … per setting
     * @param value   the value as JSON; empty when this version restored the configured value
     */
    public record Version(long id, String path, int version, Optional<String> value, String reason, String setBy,
                          Instant setAt) {
        /** Whether this version put the configured value back. */
        public boolean restores() {
            return value.isEmpty();
        }
    }

    /** A change based on a version that is no longer the newest: someone else changed the setting meanwhile. */
    public static final class ConflictException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final transient Version newest;

        ConflictException(String path, int basedOn, Version newest) {
            super(path + " was changed meanwhile: you edited version " + basedOn + ", but version " + newest.version()
                    + " was set by " + newest.setBy() + " at " + newest.setAt() + "; reload it and make your change again");
            this.newest = newest;
        }

        public Version newest() {
            return newest;
        }
    }

    /** The override in force for each setting that has one (its newest version, unless that restored). */
    public static Map<String, Version> current(Connection connection) throws SQLException {
        Map<String, Version> current = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT ON (path) id, path, version, value, reason, set_by, set_at FROM setting_override"
                        + " ORDER BY path, version DESC")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Version version = read(rows);
                    if (!version.restores()) {
                        current.put(version.path(), version);
                    }
                }
            }
        }
        return current;
    }

    /** Every version of one setting, newest first. */
    public static List<Version> history(Connection connection, String path) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, path, version, value, reason, set_by, set_at FROM setting_override WHERE path = ?"
                        + " ORDER BY version DESC")) {
            query.setString(1, path);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(read(rows));
                }
            }
        }
        return versions;
    }

    /** The newest version number of a setting; 0 when it was never overridden. */
    public static int newestVersion(Connection connection, String path) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM setting_override WHERE path = ?")) {
            query.setString(1, path);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Records a new version of a setting and audits it ({@code SETTING_OVERRIDDEN} or
     * {@code SETTING_RESTORED} on {@code setting:<path>}, with the values before and after), in
     * the caller's transaction.
     *
     * @param value   the new value as JSON, already checked by the caller; null to restore the configured value
     * @param basedOn the version the person edited (0: none yet), so that a change made meanwhile is not overwritten
     * @throws ConflictException        when {@code basedOn} is not the newest version
     * @throws IllegalArgumentException when the reason is blank, or there is nothing to restore
     */
    public static Version save(Connection connection, String path, String value, int basedOn, String actor,
                               String reason) throws SQLException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give a reason for changing " + path + ": it is audited");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setString(2, path);
            lock.execute();
        }
        List<Version> history = history(connection, path);
        Optional<Version> newest = history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
        int newestNumber = newest.map(Version::version).orElse(0);
        if (basedOn != newestNumber) {
            if (newest.isEmpty()) {
                throw new IllegalArgumentException(path + " has no version " + basedOn + ": it was never overridden");
            }
            throw new ConflictException(path, basedOn, newest.get());
        }
        Optional<String> before = newest.flatMap(Version::value);
        if (value == null && before.isEmpty()) {
            throw new IllegalArgumentException(path + " has no override to remove: it already has its configured value");
        }
        Version saved;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO setting_override (path, version, value, reason, set_by) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING id, path, version, value, reason, set_by, set_at")) {
            insert.setString(1, path);
            insert.setInt(2, newestNumber + 1);
            insert.setString(3, value);
            insert.setString(4, reason.strip());
            insert.setString(5, actor);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                saved = read(row);
            }
        }
        AuditLog.append(connection, actor, value == null ? "SETTING_RESTORED" : "SETTING_OVERRIDDEN", "setting:" + path,
                before.orElse(null), value, reason.strip());
        return saved;
    }

    private static Version read(ResultSet row) throws SQLException {
        return new Version(row.getLong("id"), row.getString("path"), row.getInt("version"),
                Optional.ofNullable(row.getString("value")), row.getString("reason"), row.getString("set_by"),
                row.getObject("set_at", OffsetDateTime.class).toInstant());
    }
}
