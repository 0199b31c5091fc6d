package org.ceir.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

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
    private final VerifiedCallers verified = new VerifiedCallers(REMEMBER);

    ApiKeyAuthenticator(ApiKeys keys, Requests requests, Messages messages) {
        this.keys = keys;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public Optional<Principal> authenticate(Context ctx) {
        String presented = presented(ctx);
        if (presented == null) {
            return Optional.empty();
        }
        return Optional.of(verified.get(() -> verify(ctx, presented), presented));
    }

    /** The key in {@code X-Api-Key}, else in {@code Authorization: Bearer}; null when there is none. */
    private static String presented(Context ctx) {
        String presented = ctx.header("X-Api-Key");
        if (presented != null) {
            return presented;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    private Principal verify(Context ctx, String presented) {
        Optional<ApiKeys.Caller> caller = keys.authenticate(presented.strip());
        if (caller.isEmpty()) {
            throw new Problem(401, "unauthorized", messages.get(requests.language(ctx), "problem.unauthorized.api-key"),
                    Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"ceir\""));
        }
        ApiKeys.Caller found = caller.get();
        return new Principal(-found.keyId(), "api-key:" + found.prefix(), found.label(),
                EnumSet.of(Role.OPERATOR), found.operator(), null, null);
    }
}
