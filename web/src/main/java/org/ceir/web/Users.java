package org.ceir.web;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * Staff accounts: who may sign in to the console and the staff APIs, with which roles, and the
 * lock-out after repeated wrong passwords. Every change is written to the audit log in the same
 * transaction.
 */
public final class Users {
    /** Shortest password accepted; long passphrases beat complexity rules (NIST SP 800-63B §5.1.1). */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "u.id, u.username, u.display_name, u.roles, o.code, u.office_code,"
            + " u.disabled, u.locked_until, u.failed_logins, u.created_at, u.last_login_at, u.password_hash";

    /** A new account. */
    public record NewUser(String username, String displayName, String password, Set<Role> roles,
                          String operatorCode, String officeCode) {
    }

    /** An account as the console shows it (never its password hash). */
    public record User(long id, String username, String displayName, Set<Role> roles, Optional<String> operator,
                       Optional<String> office, boolean disabled, Optional<Instant> lockedUntil, int failedLogins,
                       Instant createdAt, Optional<Instant> lastLogin) {
        /** Whether the account is locked at {@code now}. */
        public boolean lockedAt(Instant now) {
            return lockedUntil.filter(now::isBefore).isPresent();
        }
    }

    /** What a sign-in attempt came to. */
    sealed interface Authentication {
    }

    record Authenticated(User user) implements Authentication {
    }

    /** Wrong user name or password: the two are never told apart. */
    record Refused() implements Authentication {
    }

    /** Locked after too many wrong passwords, until {@code until}. */
    record Locked(Instant until) implements Authentication {
    }

    private final Database database;
    private final PasswordHasher hasher;
    private final int maxFailedLogins;
    private final Duration lockout;
    private final Clock clock;
    // Compared against when the user does not exist, so that a wrong name takes as long as a wrong password.
    private final String decoyHash;

    public Users(Database database, WebSettings settings) {
        this(database, settings, PasswordHasher.DEFAULT, Clock.systemUTC());
    }

    Users(Database database, WebSettings settings, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        this.maxFailedLogins = settings.maxFailedLogins();
        this.lockout = Duration.ofMinutes(settings.lockoutMinutes());
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    /**
     * Creates an account.
     *
     * @param actor who does it, for the audit log
     * @return the new account's id
     * @throws InvalidUserException naming what is wrong
     */
    public long add(NewUser user, String actor) {
        String username = user.username() == null ? "" : user.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidUserException("username", "user name '" + user.username()
                    + "': 3 to 64 of a-z, 0-9, dot, dash or underscore, starting with a letter or digit", user.username());
        }
        String displayName = requireDisplayName(user.displayName());
        requirePassword(user.password());
        Set<Role> roles = requireRoles(user.roles());
        String office = blankToNull(user.officeCode());
        String operator = blankToNull(user.operatorCode());
        return database.transaction(connection -> {
            Integer operatorId = operatorId(connection, roles, operator, office);
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
                exists.setString(1, username);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        throw new InvalidUserException("exists", "user " + username + " already exists", username);
                    }
                }
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO app_user (username, display_name, password_hash, roles, operator_id, office_code)"
                            + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, username);
                insert.setString(2, displayName);
                insert.setString(3, hasher.hash(user.password()));
                insert.setArray(4, roleArray(connection, roles));
                setNullableInt(insert, 5, operatorId);
                insert.setString(6, office);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            AuditLog.append(connection, actor, "user.add", subject(username), null,
                    json(roles, operator, office, false), null);
            return id;
        });
    }

    /** Every account, by user name. */
    public List<User> list() {
        return database.transaction(connection -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM app_user u LEFT JOIN operator o ON o.id = u.operator_id ORDER BY u.username");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(user(rows));
                }
            }
            return users;
        });
    }

    public Optional<User> find(String username) {
        return database.transaction(connection -> findBy(connection, "u.username = ?", username, false));
    }

    public Optional<User> find(long id) {
        return database.transaction(connection -> findBy(connection, "u.id = ?", id, false));
    }

    /** Replaces an account's roles (and the operator or office they need). */
    public void setRoles(long id, Set<Role> newRoles, String operatorCode, String officeCode, String actor) {
        Set<Role> roles = requireRoles(newRoles);
        String operator = blankToNull(operatorCode);
        String office = blankToNull(officeCode);
        database.transaction(connection -> {
            User before = findBy(connection, "u.id = ?", id, true).orElseThrow(() -> noSuchUser(id));
            Integer operatorId = operatorId(connection, roles, operator, office);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_user SET roles = ?, operator_id = ?, office_code = ? WHERE id = ?")) {
                update.setArray(1, roleArray(connection, roles));
                setNullableInt(update, 2, operatorId);
                update.setString(3, office);
                update.setLong(4, id);
                update.executeUpdate();
            }
            AuditLog.append(connection, actor, "user.roles", subject(before.username()),
                    json(before.roles(), before.operator().orElse(null), before.office().orElse(null), before.disabled()),
                    json(roles, operator, office, before.disabled()), null);
            return null;
        });
    }

    /** Disables or enables an account; disabling ends its sessions at once. */
    public void setDisabled(long id, boolean disabled, String actor) {
        database.transaction(connection -> {
            User before = findBy(connection, "u.id = ?", id, true).orElseThrow(() -> noSuchUser(id));
            try (PreparedStatement update = connection.prepareStatement("UPDATE app_user SET disabled = ? WHERE id = ?")) {
                update.setBoolean(1, disabled);
                update.setLong(2, id);
                update.executeUpdate();
            }
            if (disabled) {
                endSessions(connection, id);
            }
            AuditLog.append(connection, actor, disabled ? "user.disable" : "user.enable", subject(before.username()),
                    json(Map.of("disabled", before.disabled())), json(Map.of("disabled", disabled)), null);
            return null;
        });
    }

    /** Lifts a lock-out before it runs out. */
    public void unlock(long id, String actor) {
        database.transaction(connection -> {
            User before = findBy(connection, "u.id = ?", id, true).orElseThrow(() -> noSuchUser(id));
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_user SET locked_until = NULL, failed_logins = 0 WHERE id = ?")) {
                update.setLong(1, id);
                update.executeUpdate();
            }
            AuditLog.append(connection, actor, "user.unlock", subject(before.username()), null, null, null);
            return null;
        });
    }

    /** Sets a new password and ends the account's sessions, so that only the new one signs in. */
    public void setPassword(long id, String password, String actor) {
        requirePassword(password);
        String hash = hasher.hash(password);
        database.transaction(connection -> {
            User before = findBy(connection, "u.id = ?", id, true).orElseThrow(() -> noSuchUser(id));
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_user SET password_hash = ?, password_changed_at = now(), failed_logins = 0,"
                            + " locked_until = NULL WHERE id = ?")) {
                update.setString(1, hash);
                update.setLong(2, id);
                update.executeUpdate();
            }
            endSessions(connection, id);
            AuditLog.append(connection, actor, "user.password", subject(before.username()), null, null, null);
            return null;
        });
    }

    /**
     * Checks a user name and password, counting failures: the {@code maxFailedLogins}-th wrong
     * password in a row locks the account for the lock-out period. A locked or disabled account is
     * refused whatever the password.
     *
     * @param audited whether a successful sign-in goes to the audit log (people: yes; machines
     *                calling an API with each request: no, or the log would hold every call)
     */
    Authentication authenticate(String username, String password, String clientAddress, boolean audited) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String given = password == null ? "" : password;
        if (name.isEmpty() || given.length() > MAX_PASSWORD_LENGTH) {
            hasher.verify(given, decoyHash);
            return new Refused();
        }
        return database.transaction(connection -> {
            Optional<User> found = findBy(connection, "u.username = ?", name, true);
            if (found.isEmpty()) {
                hasher.verify(given, decoyHash);
                return new Refused();
            }
            User user = found.get();
            Instant now = clock.instant();
            if (user.lockedAt(now)) {
                return new Locked(user.lockedUntil().get());
            }
            String hash = passwordHash(connection, user.id());
            boolean matches = hasher.verify(given, hash);
            if (!matches) {
                return failed(connection, user, now, clientAddress);
            }
            if (user.disabled()) {
                return new Refused();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = ?,"
                            + " password_hash = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, hasher.needsRehash(hash) ? hasher.hash(given) : hash);
                update.setLong(3, user.id());
                update.executeUpdate();
            }
            if (audited) {
                AuditLog.append(connection, user.username(), "user.login", subject(user.username()), null,
                        clientAddress == null ? null : json(Map.of("from", clientAddress)), null);
            }
            return new Authenticated(user);
        });
    }

    private Authentication failed(Connection connection, User user, Instant now, String clientAddress)
            throws SQLException {
        int failures = user.failedLogins() + 1;
        boolean lock = failures >= maxFailedLogins;
        Instant until = now.plus(lockout);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE id = ?")) {
            update.setInt(1, lock ? 0 : failures);
            if (lock) {
                update.setTimestamp(2, Timestamp.from(until));
            } else {
                update.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            update.setLong(3, user.id());
            update.executeUpdate();
        }
        if (lock) {
            AuditLog.append(connection, "system", "user.locked", subject(user.username()), null,
                    json(clientAddress == null ? Map.of("until", until.toString())
                            : Map.of("until", until.toString(), "from", clientAddress)),
                    failures + " wrong passwords in a row");
            return new Locked(until);
        }
        return new Refused();
    }

    private static Optional<User> findBy(Connection connection, String condition, Object key, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM app_user u LEFT JOIN operator o ON o.id = u.operator_id WHERE " + condition
                + (forUpdate ? " FOR UPDATE OF u" : ""))) {
            query.setObject(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(user(row)) : Optional.empty();
            }
        }
    }

    private static String passwordHash(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static User user(ResultSet row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) row.getArray(4).getArray()) {
            roles.add(Role.valueOf(role));
        }
        Timestamp locked = row.getTimestamp(8);
        Timestamp lastLogin = row.getTimestamp(11);
        return new User(row.getLong(1), row.getString(2), row.getString(3), Set.copyOf(roles),
                Optional.ofNullable(row.getString(5)), Optional.ofNullable(row.getString(6)), row.getBoolean(7),
                Optional.ofNullable(locked).map(Timestamp::toInstant), row.getInt(9), row.getTimestamp(10).toInstant(),
                Optional.ofNullable(lastLogin).map(Timestamp::toInstant));
    }

    /** The operator's id for an OPERATOR; checks that the operator and office go with the roles. */
    private static Integer operatorId(Connection connection, Set<Role> roles, String operator, String office)
            throws SQLException {
        if (roles.contains(Role.CLERK) && office == null) {
            throw new InvalidUserException("office-missing", "a CLERK needs the code of the post office (--office)");
        }
        if (!roles.contains(Role.CLERK) && office != null) {
            throw new InvalidUserException("office-unexpected", "only a CLERK has a post office");
        }
        if (!roles.contains(Role.OPERATOR)) {
            if (operator != null) {
                throw new InvalidUserException("operator-unexpected", "only an OPERATOR belongs to an operator");
            }
            return null;
        }
        if (operator == null) {
            throw new InvalidUserException("operator-missing", "an OPERATOR needs the code of its operator (--operator)");
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM operator WHERE code = ?")) {
            query.setString(1, operator);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return row.getInt(1);
                }
            }
        }
        List<String> known = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT code FROM operator ORDER BY code");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        throw new InvalidUserException("operator-unknown", "no operator '" + operator + "'; known: "
                + String.join(", ", known), operator, String.join(", ", known));
    }

    private static void endSessions(Connection connection, long userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE user_id = ?")) {
            delete.setLong(1, userId);
            delete.executeUpdate();
        }
    }

    private static String requireDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidUserException("display-name", "the display name must have 1 to 100 characters");
        }
        return name;
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidUserException("password-short", "the password must have at least "
                    + MIN_PASSWORD_LENGTH + " characters", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidUserException("password-long", "the password must have at most "
                    + MAX_PASSWORD_LENGTH + " characters", MAX_PASSWORD_LENGTH);
        }
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidUserException("roles-missing", "give at least one role: ADMIN, ANALYST, CLERK, OPERATOR, AUDITOR");
        }
        return Set.copyOf(roles);
    }

    private static InvalidUserException noSuchUser(long id) {
        return new InvalidUserException("unknown", "no user with id " + id, id);
    }

    private static Array roleArray(Connection connection, Set<Role> roles) throws SQLException {
        return connection.createArrayOf("text", new TreeSet<>(roles).stream().map(Enum::name).toArray());
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setInt(index, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String subject(String username) {
        return "user:" + username;
    }

    private static String json(Set<Role> roles, String operator, String office, boolean disabled) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("roles", new TreeSet<>(roles).stream().map(Enum::name).toList());
        fields.put("operator", operator);
        fields.put("office", office);
        fields.put("disabled", disabled);
        return json(fields);
    }

    static String json(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + fields + " as JSON", e);
        }
    }
}
