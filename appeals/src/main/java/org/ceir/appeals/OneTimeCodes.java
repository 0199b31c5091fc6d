package org.ceir.appeals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One-time codes that prove an online applicant holds their contact number: six digits sent by SMS,
 * valid a few minutes, used once, a few wrong tries allowed, a few codes per number an hour. Only
 * a hash of the code (salted with its row id and number) is stored in the code table; the SMS
 * outbox holds the text until it is sent, as it must to send it.
 */
final class OneTimeCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppealSettings settings;
    private final Clock clock;

    /** What checking a code came to. */
    enum Outcome { ACCEPTED, WRONG, NONE, SPENT }

    record Check(Outcome outcome, int triesLeft) {
    }

    OneTimeCodes(AppealSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes a code for the number, in the caller's transaction; returns it for the SMS. */
    String issue(Connection connection, String msisdn) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "appeal-code:" + msisdn);
            lock.execute();
        }
        try (PreparedStatement recent = connection.prepareStatement(
                "SELECT count(*), min(created_at) FROM appeal_code WHERE msisdn = ? AND created_at > ?")) {
            recent.setString(1, msisdn);
            recent.setTimestamp(2, Timestamp.from(now.minus(1, ChronoUnit.HOURS)));
            try (ResultSet row = recent.executeQuery()) {
                row.next();
                if (row.getInt(1) >= settings.codesPerNumberPerHour()) {
                    long minutes = Math.max(1, ChronoUnit.MINUTES.between(now,
                            row.getTimestamp(2).toInstant().plus(1, ChronoUnit.HOURS)) + 1);
                    throw new AppealException(AppealException.Kind.TOO_MANY, "codes-too-many",
                            settings.codesPerNumberPerHour() + " codes were sent to this number in the last hour;"
                                    + " try again in " + minutes + " minutes", settings.codesPerNumberPerHour(), minutes);
                }
            }
        }
        String code = String.format(java.util.Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        long id;
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval(pg_get_serial_sequence('appeal_code', 'id'))");
             ResultSet row = next.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appeal_code (id, msisdn, code_hash,"
                + " created_at, expires_at) OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, msisdn);
            insert.setBytes(3, hash(id, msisdn, code));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(settings.codeMinutes(), ChronoUnit.MINUTES)));
            insert.executeUpdate();
        }
        return code;
    }

    /**
     * Checks a code against the number's newest live code. A right code is spent at once; a wrong one
     * costs a try. The caller commits in both cases (a wrong try must count even though it fails).
     */
    Check check(Connection connection, String msisdn, String typed) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, code_hash, attempts FROM appeal_code"
                + " WHERE msisdn = ? AND used_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1 FOR UPDATE")) {
            query.setString(1, msisdn);
            query.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Check(Outcome.NONE, 0);
                }
                long id = row.getLong(1);
                int attempts = row.getInt(3);
                if (attempts >= settings.codeAttempts()) {
                    return new Check(Outcome.SPENT, 0);
                }
                String code = typed == null ? "" : typed.replaceAll("\\s", "");
                boolean right = MessageDigest.isEqual(row.getBytes(2), hash(id, msisdn, code));
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE appeal_code SET used_at = CASE WHEN ? THEN ?::timestamptz END, attempts = attempts + CASE WHEN ?"
                                + " THEN 0 ELSE 1 END WHERE id = ?")) {
                    update.setBoolean(1, right);
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setBoolean(3, right);
                    update.setLong(4, id);
                    update.executeUpdate();
                }
                return right ? new Check(Outcome.ACCEPTED, 0)
                        : new Check(Outcome.WRONG, settings.codeAttempts() - attempts - 1);
            }
        }
    }

    /** The message a person reads for a refused code. */
    static AppealException refusal(Check check) {
        return switch (check.outcome()) {
            case WRONG -> check.triesLeft() > 0
                    ? new AppealException(AppealException.Kind.FORBIDDEN, "code-wrong", "the code is wrong; "
                            + check.triesLeft() + " more tries", check.triesLeft())
                    : new AppealException(AppealException.Kind.FORBIDDEN, "code-spent",
                            "the code is wrong and now spent; ask for a new code");
            case SPENT -> new AppealException(AppealException.Kind.FORBIDDEN, "code-spent",
                    "the code was tried too often; ask for a new code");
            default -> new AppealException(AppealException.Kind.FORBIDDEN, "code-none",
                    "there is no valid code for this number (codes expire); ask for a new code");
        };
    }

    private static byte[] hash(long id, String msisdn, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(8).putLong(id).array());
            digest.update(msisdn.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(code.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
