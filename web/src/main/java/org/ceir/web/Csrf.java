package org.ceir.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * Cross-site request forgery protection for forms (OWASP synchronizer token): a signed-in user's
 * forms carry the session's token; forms shown before sign-in (the login form) carry a token kept
 * in a cookie of its own. Every state-changing request that rides on cookies must send the token
 * back in the {@code _csrf} field or the {@code X-CSRF-Token} header.
 */
final class Csrf {
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final String COOKIE = "ceir_csrf";

    private final boolean secureCookies;

    Csrf(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** The token this request's forms must carry, setting the pre-sign-in cookie when needed. */
    String token(Context ctx) {
        Principal principal = Requests.principal(ctx);
        if (principal != null && principal.viaSession()) {
            return principal.csrfToken();
        }
        String token = ctx.attribute(COOKIE);
        if (token == null) {
            token = ctx.cookie(COOKIE);
        }
        if (token == null || token.length() != 43) {
            token = Sessions.randomToken();
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies);
            cookie.setSameSite(SameSite.STRICT);
            ctx.cookie(cookie);
        }
        ctx.attribute(COOKIE, token);
        return token;
    }

    /** Whether a state-changing request carries the token it must. */
    boolean valid(Context ctx) {
        Principal principal = Requests.principal(ctx);
        String expected = principal != null && principal.viaSession() ? principal.csrfToken() : ctx.cookie(COOKIE);
        String given = ctx.header(HEADER);
        if (given == null) {
            given = ctx.formParam(FIELD);
        }
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
