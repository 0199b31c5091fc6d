package org.ceir.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * Runs before every matched route: finds who is asking, enforces the route's {@link Access}, and
 * checks the CSRF token of state-changing requests that ride on cookies. Anonymous browsers asking
 * for a console page are sent to the login page; everything else refused is a ProblemDetails.
 */
final class Guard {
    private final Sessions sessions;
    private final List<MachineAuthenticator> authenticators;
    private final Csrf csrf;
    private final Requests requests;
    private final Messages messages;

    Guard(Sessions sessions, List<MachineAuthenticator> authenticators, Csrf csrf, Requests requests,
          Messages messages) {
        this.sessions = sessions;
        this.authenticators = List.copyOf(authenticators);
        this.csrf = csrf;
        this.requests = requests;
        this.messages = messages;
    }

    void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        Language language = requests.language(ctx);
        Access access = endpoint.metadata(Access.class);
        if (access == null) {
            throw new Problem(403, "forbidden", messages.get(language, "problem.forbidden.detail"));
        }
        if (access.kind() == Access.Kind.SIGNED) {
            // Nothing rides on a cookie here (the body's signature is the credential), so there is
            // no session to look up and no CSRF token to ask for.
            return;
        }
        Principal principal = sessions.resolve(ctx).orElse(null);
        if (principal == null && access.kind() == Access.Kind.MACHINE) {
            for (MachineAuthenticator authenticator : authenticators) {
                Optional<Principal> found = authenticator.authenticate(ctx);
                if (found.isPresent()) {
                    principal = found.get();
                    break;
                }
            }
        }
        Requests.principal(ctx, principal);
        if (access.kind() != Access.Kind.PUBLIC) {
            if (principal == null) {
                refuseAnonymous(ctx, access, language);
            }
            if (!access.allows(principal)) {
                throw new Problem(403, "forbidden", messages.get(language, "problem.forbidden.detail"));
            }
        }
        boolean stateChanging = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                && ctx.method() != HandlerType.OPTIONS;
        boolean ridesOnCookies = principal == null || principal.viaSession();
        if (stateChanging && ridesOnCookies && !csrf.valid(ctx)) {
            throw new Problem(403, "csrf", messages.get(language, "problem.csrf.detail"));
        }
    }

    private void refuseAnonymous(Context ctx, Access access, Language language) {
        if (access.kind() == Access.Kind.STAFF && ctx.method() == HandlerType.GET && !Requests.wantsJson(ctx)) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            throw new Redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        throw unauthorized(messages.get(language, "problem.unauthorized.detail"));
    }

    /** A 401 that tells API clients how to authenticate. */
    static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", detail, Map.of(),
                Map.of("WWW-Authenticate", "Basic realm=\"ceir\", charset=\"UTF-8\""));
    }

    /** Ends the request with a redirect (303 See Other); handled by {@link ProblemMapper}. */
    static final class Redirect extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Redirect(String location) {
            super(location, null, false, false);
        }

        String location() {
            return getMessage();
        }
    }
}
