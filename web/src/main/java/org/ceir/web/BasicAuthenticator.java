package org.ceir.web;

import java.time.Duration;
import java.util.Optional;

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
    private final VerifiedCallers verified = new VerifiedCallers(REMEMBER);

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
        BasicAuthCredentials credentials = credentials(ctx);
        return Optional.of(verified.get(() -> verify(ctx, credentials), credentials.getUsername(),
                credentials.getPassword()));
    }

    private BasicAuthCredentials credentials(Context ctx) {
        BasicAuthCredentials credentials;
        try {
            credentials = ctx.basicAuthCredentials();
        } catch (RuntimeException e) {
            credentials = null;
        }
        if (credentials == null) {
            throw unauthorized(ctx, "problem.unauthorized.malformed");
        }
        return credentials;
    }

    private Principal verify(Context ctx, BasicAuthCredentials credentials) {
        Users.Authentication outcome = users.authenticate(credentials.getUsername(), credentials.getPassword(),
                requests.clientAddress(ctx), false);
        if (outcome instanceof Users.Authenticated authenticated) {
            return Principal.machine(authenticated.user());
        }
        throw unauthorized(ctx, outcome instanceof Users.Locked ? "problem.unauthorized.locked"
                : "problem.unauthorized.wrong");
    }

    private Problem unauthorized(Context ctx, String detailKey) {
        return Guard.unauthorized(messages.get(requests.language(ctx), detailKey));
    }
}
