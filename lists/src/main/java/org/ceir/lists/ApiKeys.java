package org.ceir.lists;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * Operators' API keys: made by an administrator for one operator, shown once, kept only as a
 * SHA-256, revocable. A key reads {@code ceir_<prefix>_<secret>}: the prefix finds the key (and
 * names it in logs and audit entries), the secret proves it. Making and revoking a key is audited.
 *
 * <p>SHA-256 rather than a password hash: the secret is 256 random bits, so there is nothing to
 * guess and nothing to slow down, and a check costs microseconds on every API request.
 */
public final class ApiKeys {
    private static final String SCHEME = "ceir_";
    private static final int PREFIX_BYTES = 6;
    private static final int SECRET_BYTES = 32;
    private static final int MAX_LABEL = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as people see it, never with its secret. */
    public record ApiKey(long id, String prefix, String operator, String label, String createdBy, Instant createdAt,
                         Optional<Instant> lastUsedAt, Optional<Instant> revokedAt, Optional<String> revokedBy,
                         Optional<String> revokedReason) {
        public boolean active() {
            return revokedAt.isEmpty();
        }
    }

    /** A key just made: {@code secret} is the whole key, shown this once and never again. */
    public record NewApiKey(ApiKey key, String secret) {
    }

    /** Who a presented key acts for. */
    public record Caller(long keyId, String prefix, String operator, String label) {
    }

    private final Database database;
    private final Clock clock;

    public ApiKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Makes a key for an operator.
     *
     * @throws ListsException when the operator is unknown or the label empty or too long
     */
    public NewApiKey create(String operatorCode, String label, String actor) {
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.isEmpty() || cleanLabel.length() > MAX_LABEL) {
            throw new ListsException(ListsException.Kind.INVALID, "an API key needs a label of 1 to " + MAX_LABEL
                    + " characters saying what it is for, e.g. \"EIR list loader\"");
        }
        byte[] prefixBytes = new byte[PREFIX_BYTES];
        byte[] secretBytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secretBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String secret = SCHEME + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        long id = database.transaction(connection -> {
            short operatorId = Lookups.operatorId(connection, operatorCode);
            long keyId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_key (prefix, secret_sha256, operator_id, label, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, prefix);
                insert.setBytes(2, sha256(secret));
                insert.setShort(3, operatorId);
                insert.setString(4, cleanLabel);
                insert.setString(5, actor);
                insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    keyId = row.getLong(1);
                }
            }
            AuditLog.append(connection, actor, "API_KEY_CREATED", "api-key:" + prefix, null,
                    Json.object("operator", operatorCode, "label", cleanLabel), null);
            return keyId;
        });
        return new NewApiKey(find(id).orElseThrow(), secret);
    }

    /** Every key, newest first; revoked ones too (they are history). */
    public List<ApiKey> list() {
        return database.transaction(connection -> query(connection, "", null));
    }

    /** The key with this id or prefix. */
    public Optional<ApiKey> find(long id) {
        return database.transaction(connection -> query(connection, " WHERE k.id = ?", id)).stream().findFirst();
    }

    /**
     * Revokes a key: requests carrying it are refused from now on (servers that remember verified
     * keys forget them within a minute).
     *
     * @param idOrPrefix the key's number or its prefix
     * @throws ListsException when there is no such key, it is revoked already, or no reason is given
     */
    public ApiKey revoke(String idOrPrefix, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ListsException(ListsException.Kind.INVALID, "say why the key is revoked (--reason)");
        }
        long id = database.transaction(connection -> {
            ApiKey key = byIdOrPrefix(connection, idOrPrefix);
            if (!key.active()) {
                throw new ListsException(ListsException.Kind.CONFLICT, "API key " + key.prefix() + " was revoked on "
                        + key.revokedAt().orElseThrow() + " by " + key.revokedBy().orElse("?"));
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_key SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                update.setString(2, actor);
                update.setString(3, reason.strip());
                update.setLong(4, key.id());
                update.executeUpdate();
            }
            AuditLog.append(connection, actor, "API_KEY_REVOKED", "api-key:" + key.prefix(),
                    Json.object("operator", key.operator(), "label", key.label()), null, reason.strip());
            return key.id();
        });
        return find(id).orElseThrow();
    }

    /**
     * Who a presented key acts for; empty when it is not a key of ours, unknown, wrong or revoked.
     * Never throws for a bad key, so that every failure looks the same to the caller.
     */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(SCHEME)) {
            return Optional.empty();
        }
        int separator = presented.indexOf('_', SCHEME.length());
        if (separator != SCHEME.length() + 2 * PREFIX_BYTES) {
            return Optional.empty();
        }
        String prefix = presented.substring(SCHEME.length(), separator);
        byte[] presentedHash = sha256(presented);
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT k.id, k.secret_sha256, o.code, k.label, k.revoked_at IS NULL, k.last_used_at"
                            + " FROM api_key k JOIN operator o ON o.id = k.operator_id WHERE k.prefix = ?")) {
                query.setString(1, prefix);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next() || !MessageDigest.isEqual(row.getBytes(2), presentedHash) || !row.getBoolean(5)) {
                        return Optional.empty();
                    }
                    long id = row.getLong(1);
                    Caller caller = new Caller(id, prefix, row.getString(3), row.getString(4));
                    OffsetDateTime lastUsed = row.getObject(6, OffsetDateTime.class);
                    Instant now = clock.instant();
                    // Marked at most once a minute: a key used for every check must not write per request.
                    if (lastUsed == null || lastUsed.toInstant().plusSeconds(60).isBefore(now)) {
                        try (PreparedStatement touch = connection.prepareStatement(
                                "UPDATE api_key SET last_used_at = ? WHERE id = ?")) {
                            touch.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                            touch.setLong(2, id);
                            touch.executeUpdate();
                        }
                    }
                    return Optional.of(caller);
                }
            }
        });
    }

    private ApiKey byIdOrPrefix(Connection connection, String idOrPrefix) throws SQLException {
        String value = idOrPrefix == null ? "" : idOrPrefix.strip();
        List<ApiKey> found = value.matches("[0-9]{1,18}")
                ? query(connection, " WHERE k.id = ?", Long.parseLong(value))
                : query(connection, " WHERE k.prefix = ?", value.startsWith(SCHEME) ? value.substring(5, Math.min(
                value.length(), SCHEME.length() + 2 * PREFIX_BYTES)) : value);
        if (found.isEmpty()) {
            throw new ListsException(ListsException.Kind.NOT_FOUND, "no API key " + value
                    + "; ceir apikeys list shows them");
        }
        return found.get(0);
    }

    private static List<ApiKey> query(Connection connection, String where, Object parameter) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT k.id, k.prefix, o.code, k.label, k.created_by, k.created_at, k.last_used_at, k.revoked_at,"
                        + " k.revoked_by, k.revoked_reason FROM api_key k JOIN operator o ON o.id = k.operator_id"
                        + where + " ORDER BY k.id DESC")) {
            if (parameter != null) {
                query.setObject(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    keys.add(new ApiKey(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                            instant(row, 7), instant(row, 8), Optional.ofNullable(row.getString(9)),
                            Optional.ofNullable(row.getString(10))));
                }
            }
        }
        return keys;
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
