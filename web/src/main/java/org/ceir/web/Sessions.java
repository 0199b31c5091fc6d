package org.ceir.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.ceir.store.Database;

/**
 * Console sessions, kept in PostgreSQL ({@code web_session}) so that any web node can serve any
 * request and a disabled user is out at once. The cookie carries a random token; the table keeps
 * only its SHA-256. Cookies are HttpOnly, SameSite=Strict and, unless configured off for a plain
 * HTTP trial, Secure with the {@code __Host-} prefix (no sub-domain can set or read it).
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final WebSettings settings;
    private final String cookieName;

    Sessions(Database database, WebSettings settings) {
        this.database = database;
        this.settings = settings;
        this.cookieName = settings.secureCookies() ? "__Host-ceir_session" : "ceir_session";
    }

    String cookieName() {
        return cookieName;
    }

    /** Starts a session for {@code user} and sets its cookie; a new token each time, so no fixation. */
    Principal start(Context ctx, Users.User user, String clientAddress) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = Instant.now().plus(Duration.ofHours(settings.sessionMaxHours()));
        database.transaction(connection -> {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM web_session WHERE expires_at <= now() OR last_seen <= now() - make_interval(mins => ?)")) {
                purge.setInt(1, settings.sessionIdleMinutes());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO web_session (token_hash, user_id, csrf_token, client_address, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                insert.setBytes(1, sha256(token));
                insert.setLong(2, user.id());
                insert.setString(3, csrf);
                insert.setString(4, clientAddress);
                insert.setTimestamp(5, Timestamp.from(expires));
                insert.executeUpdate();
            }
            return null;
        });
        ctx.cookie(cookie(token, settings.sessionMaxHours() * 3600));
        return new Principal(user.id(), user.username(), user.displayName(), user.roles(),
                user.operator().orElse(null), user.office().orElse(null), csrf);
    }

    /** The signed-in user of this request, if its cookie names a live session of an enabled account. */
    Optional<Principal> resolve(Context ctx) {
        String token = ctx.cookie(cookieName);
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        return database.transaction(connection -> {
            Principal principal;
            Timestamp lastSeen;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT s.csrf_token, s.last_seen, u.id, u.username, u.display_name, u.roles, o.code, u.office_code"
                            + " FROM web_session s JOIN app_user u ON u.id = s.user_id"
                            + " LEFT JOIN operator o ON o.id = u.operator_id"
                            + " WHERE s.token_hash = ? AND s.expires_at > now() AND NOT u.disabled"
                            + " AND s.last_seen > now() - make_interval(mins => ?)")) {
                query.setBytes(1, hash);
                query.setInt(2, settings.sessionIdleMinutes());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Principal>empty();
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) row.getArray(6).getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    lastSeen = row.getTimestamp(2);
                    principal = new Principal(row.getLong(3), row.getString(4), row.getString(5), Set.copyOf(roles),
                            row.getString(7), row.getString(8), row.getString(1));
                }
            }
            // Touch at most once a minute: idle expiry needs no finer grain, and most requests stay reads.
            if (lastSeen.toInstant().isBefore(Instant.now().minus(TOUCH_EVERY))) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE web_session SET last_seen = now() WHERE token_hash = ?")) {
                    touch.setBytes(1, hash);
                    touch.executeUpdate();
                }
            }
            return Optional.of(principal);
        });
    }

    /** Ends this request's session, if any, and clears its cookie. */
    void end(Context ctx) {
        String token = ctx.cookie(cookieName);
        if (token != null && !token.isEmpty()) {
            database.transaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM web_session WHERE token_hash = ?")) {
                    delete.setBytes(1, sha256(token));
                    return delete.executeUpdate();
                }
            });
        }
        ctx.cookie(cookie("", 0));
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie cookie = new Cookie(cookieName, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        cookie.setSameSite(SameSite.STRICT);
        return cookie;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
