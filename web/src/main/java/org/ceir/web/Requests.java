package org.ceir.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * What every handler asks of a request: its language, its client's address, who makes it, and
 * whether it wants JSON or a page. Computed once per request and kept in the context.
 */
final class Requests {
    static final String LANGUAGE_COOKIE = "ceir_lang";
    private static final String LANGUAGE = "ceir.language";
    private static final String PRINCIPAL = "ceir.principal";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final WebSettings settings;
    private final Language defaultLanguage;

    Requests(WebSettings settings) {
        this.settings = settings;
        this.defaultLanguage = Language.ofCode(settings.defaultLanguage()).orElseThrow();
    }

    /**
     * The request's language: {@code ?lang=} (remembered in a cookie), else the cookie, else for
     * APIs the {@code Accept-Language} header, else the configured default (Azerbaijani).
     */
    Language language(Context ctx) {
        Language cached = ctx.attribute(LANGUAGE);
        if (cached != null) {
            return cached;
        }
        Language language = Language.ofCode(ctx.queryParam("lang")).orElse(null);
        if (language != null) {
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, language.code());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(settings.secureCookies());
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
        } else {
            language = Language.ofCode(ctx.cookie(LANGUAGE_COOKIE))
                    .or(() -> isApi(ctx) ? Language.ofAcceptLanguage(ctx.header("Accept-Language"))
                            : java.util.Optional.empty())
                    .orElse(defaultLanguage);
        }
        ctx.attribute(LANGUAGE, language);
        return language;
    }

    /**
     * The client's address, for rate limits and the audit log: the connection's peer, or, when a
     * proxy you run sets {@code web.client-address-header}, the last address that header names
     * (the one your proxy added; earlier ones are whatever the client claimed).
     */
    String clientAddress(Context ctx) {
        String header = settings.clientAddressHeader();
        if (!header.isEmpty()) {
            String value = ctx.header(header);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    if (!hops[i].isBlank()) {
                        return hops[i].strip();
                    }
                }
            }
        }
        return ctx.ip();
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    static void principal(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }

    /** Whether the answer should be JSON: API paths, and clients that ask for JSON and not HTML. */
    static boolean wantsJson(Context ctx) {
        if (isApi(ctx) || ctx.path().equals("/health")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
