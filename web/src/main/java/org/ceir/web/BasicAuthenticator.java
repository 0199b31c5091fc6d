package org.ceir.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;

/**
 * HTTP Basic (RFC 7617) with a staff account's user name and password, counted towards its
 * lock-out like a console login. An Argon2id verification costs tens of milliseconds, far too much
 * for every check an operator's system sends, so a verified pair is remembered for
 * {@link #REMEMBER} under a SHA-256 of the pair (never the password itself): a changed password or
 * a disabled account takes effect within that time.
 */
final class BasicAuthenticator implements MachineAuthenticator {
    static final Duration REMEMBER = Duration.ofSeconds(60);

    private final Users users;
    private final Requests requests;
    private final Messages messages;
    private final Cache<String, Principal> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(10_000)
            .build();

    BasicAuthenticator(Users users, Requests requests, Messages messages) {
        this.users = users;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        BasicAuthCredentials credentials;
        try {
            credentials = ctx.basicAuthCredentials();
        } catch (RuntimeException e) {
            credentials = null;
        }
        if (credentials == null) {
            throw unauthorized(ctx, "problem.unauthorized.malformed");
        }
        String key = fingerprint(credentials.getUsername(), credentials.getPassword());
        Principal known = verified.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Users.Authentication outcome = users.authenticate(credentials.getUsername(), credentials.getPassword(),
                requests.clientAddress(ctx), false);
        if (outcome instanceof Users.Authenticated authenticated) {
            Principal principal = Principal.machine(authenticated.user());
            verified.put(key, principal);
            return Optional.of(principal);
        }
        throw unauthorized(ctx, outcome instanceof Users.Locked ? "problem.unauthorized.locked"
                : "problem.unauthorized.wrong");
    }

    private Problem unauthorized(Context ctx, String detailKey) {
        return Guard.unauthorized(messages.get(requests.language(ctx), detailKey));
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
