package org.ceir.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.ceir.lists.ApiKeys;

/**
 * Operators' API keys (issue 9): {@code Authorization: Bearer ceir_…} or {@code X-Api-Key: ceir_…}.
 * A key acts as the OPERATOR role for its one operator, never as a person. A verified key is
 * remembered for {@link #REMEMBER} under its SHA-256, so that a system sending thousands of checks
 * does not cost a database read each; a revoked key is refused within that time.
 */
final class ApiKeyAuthenticator implements MachineAuthenticator {
    static final Duration REMEMBER = Duration.ofSeconds(30);

    private final ApiKeys keys;
    private final Requests requests;
    private final Messages messages;
    private final Cache<String, Principal> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(10_000)
            .build();

    ApiKeyAuthenticator(ApiKeys keys, Requests requests, Messages messages) {
        this.keys = keys;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String presented = ctx.header("X-Api-Key");
        if (presented == null) {
            String header = ctx.header("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            presented = header.substring(7).strip();
        }
        String fingerprint = fingerprint(presented);
        Principal known = verified.getIfPresent(fingerprint);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiKeys.Caller> caller = keys.authenticate(presented.strip());
        if (caller.isEmpty()) {
            throw new Problem(401, "unauthorized", messages.get(requests.language(ctx), "problem.unauthorized.api-key"),
                    Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"ceir\""));
        }
        ApiKeys.Caller found = caller.get();
        Principal principal = new Principal(-found.keyId(), "api-key:" + found.prefix(), found.label(),
                EnumSet.of(Role.OPERATOR), found.operator(), null, null);
        verified.put(fingerprint, principal);
        return Optional.of(principal);
    }

    /** The SHA-256 of a presented key: what the cache is keyed by, so that it never holds a secret. */
    private static String fingerprint(String presented) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
