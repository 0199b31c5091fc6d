package org.ceir.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hash-chained audit log: who did what, to what, when and why. Each entry's hash covers its
 * content and the previous entry's hash, so changing or removing an entry breaks every link after
 * it, which {@link #verify} finds.
 *
 * <p>Appends take a transaction-scoped advisory lock: entries are chained in one order even when
 * many transactions audit at once, and an entry whose transaction rolls back leaves no trace.
 */
public final class AuditLog {
    private static final byte[] GENESIS = new byte[32];
    private static final long CHAIN_LOCK = 0x6365697261756469L; // "ceiraudi"

    private AuditLog() {
    }

    /** One audited step. {@code before} and {@code after} are JSON (or null). */
    public record Entry(long id, Instant at, String actor, String action, String subject,
                        String before, String after, String reason) {
    }

    /** The outcome of {@link #verify}: how many entries were checked and the first broken one. */
    public record Verification(long entries, Optional<String> firstBroken) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /**
     * What to look for in the log; every part is optional and the parts combine (and).
     *
     * @param subject  the subject exactly ({@code imei:35209900176148}), or a prefix ending in {@code *}
     *                 ({@code imei:*})
     * @param actor    who acted, exactly
     * @param action   what they did, exactly ({@code CASE_CONFIRMED})
     * @param from     entries at or after this moment
     * @param until    entries before this moment
     * @param beforeId entries older than this one (the next page, newest first)
     * @param limit    at most this many entries
     */
    public record Query(Optional<String> subject, Optional<String> actor, Optional<String> action,
                        Optional<Instant> from, Optional<Instant> until, Optional<Long> beforeId, int limit) {
        public Query {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("an audit log query returns 1 to 10000 entries, not " + limit);
            }
        }

        /** Everything, newest first, {@code limit} at a time. */
        public static Query newest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), limit);
        }

        public Query withSubject(String value) {
            return new Query(Optional.of(value), actor, action, from, until, beforeId, limit);
        }
    }

    /** The entries matching {@code query}, newest first. */
    public static List<Entry> find(Connection connection, Query query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, subject, before, after, reason"
                + " FROM audit_log WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (query.subject().isPresent()) {
            String subject = query.subject().get();
            if (subject.endsWith("*")) {
                String prefix = subject.substring(0, subject.length() - 1);
                sql.append(" AND left(subject, ?) = ?");
                parameters.add(prefix.length());
                parameters.add(prefix);
            } else {
                sql.append(" AND subject = ?");
                parameters.add(subject);
            }
        }
        query.actor().ifPresent(actor -> {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        });
        query.action().ifPresent(action -> {
            sql.append(" AND action = ?");
            parameters.add(action);
        });
        query.from().ifPresent(from -> {
            sql.append(" AND at >= ?");
            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        });
        query.until().ifPresent(until -> {
            sql.append(" AND at < ?");
            parameters.add(OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        });
        query.beforeId().ifPresent(id -> {
            sql.append(" AND id < ?");
            parameters.add(id);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(query.limit());
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8)));
                }
            }
        }
        return entries;
    }

    /** Every action the log holds, alphabetically (for a filter's choices). */
    public static List<String> actions(Connection connection) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT action FROM audit_log ORDER BY action");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }
        return actions;
    }

    /**
     * Appends an entry in the caller's transaction (auto-commit must be off).
     *
     * @return the entry's id
     */
    public static long append(Connection connection, String actor, String action, String subject,
                              String before, String after, String reason) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
        byte[] previous = GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
             ResultSet row = last.executeQuery()) {
            if (row.next()) {
                previous = row.getBytes(1);
            }
        }
        long id;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('audit_log_id_seq')");
             ResultSet row = next.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        Entry entry = new Entry(id, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, subject,
                before, after, reason);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (id, at, actor, action, subject, before, after, reason, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setObject(2, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, subject);
            insert.setString(6, before);
            insert.setString(7, after);
            insert.setString(8, reason);
            insert.setBytes(9, previous);
            insert.setBytes(10, hash(previous, entry));
            insert.executeUpdate();
        }
        return id;
    }

    /** Walks the whole chain and names the first entry that does not hold. */
    public static Verification verify(Connection connection) throws SQLException {
        byte[] previous = GENESIS;
        long count = 0;
        long previousId = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, at, actor, action, subject, before, after, reason, prev_hash, hash"
                        + " FROM audit_log ORDER BY id")) {
            query.setFetchSize(10_000);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // a fetch size only streams inside a transaction
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    count++;
                    Entry entry = new Entry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8));
                    if (!Arrays.equals(rows.getBytes(9), previous)) {
                        return new Verification(count, Optional.of("entry " + entry.id() + " does not follow "
                                + (previousId == 0 ? "the start of the log" : "entry " + previousId)
                                + ": an entry before it was removed, inserted or altered"));
                    }
                    byte[] stored = rows.getBytes(10);
                    if (!Arrays.equals(stored, hash(previous, entry))) {
                        return new Verification(count, Optional.of("entry " + entry.id() + " (" + entry.action()
                                + " on " + entry.subject() + ") was changed after it was written"));
                    }
                    previous = stored;
                    previousId = entry.id();
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        return new Verification(count, Optional.empty());
    }

    static byte[] hash(byte[] previous, Entry entry) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(ByteBuffer.allocate(8).putLong(entry.id()).array());
            for (String field : new String[] {entry.at().toString(), entry.actor(), entry.action(), entry.subject(),
                    entry.before(), entry.after(), entry.reason()}) {
                // Length-prefixed, so that no two different entries hash the same bytes.
                if (field == null) {
                    digest.update(ByteBuffer.allocate(4).putInt(-1).array());
                } else {
                    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                    digest.update(bytes);
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
