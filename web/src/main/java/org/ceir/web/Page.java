package org.ceir.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

/**
 * What the layout of every page needs: the language and its words, the language switcher's links,
 * who is signed in and the navigation they may see, the form token, and whether to load charts.
 */
final class Page {
    private final Context ctx;
    private final Language language;
    private final Messages messages;
    private final String titleKey;
    private final Principal principal;
    private final List<NavItem> navigation;
    private final Csrf csrf;
    private final String chartsScript;
    private boolean charts;
    private List<PublicLink> publicLinks = List.of();

    Page(Context ctx, Language language, Messages messages, String titleKey, Principal principal,
         List<NavItem> navigation, Csrf csrf, String chartsScript) {
        this.ctx = ctx;
        this.language = language;
        this.messages = messages;
        this.titleKey = titleKey;
        this.principal = principal;
        this.navigation = navigation.stream().filter(item -> item.visibleTo(principal)).toList();
        this.csrf = csrf;
        this.chartsScript = chartsScript;
    }

    /** The text of a message key in this page's language. */
    String t(String key, Object... args) {
        return messages.get(language, key, args);
    }

    String title() {
        return t(titleKey);
    }

    Language language() {
        return language;
    }

    List<Language> languages() {
        return List.of(Language.values());
    }

    /** This page in another language: the same path and query, with {@code lang} replaced. */
    String languageHref(Language other) {
        StringBuilder href = new StringBuilder(ctx.path()).append("?lang=").append(other.code());
        if (ctx.method() == io.javalin.http.HandlerType.GET) {
            for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
                if (!param.getKey().equals("lang")) {
                    for (String value : param.getValue()) {
                        href.append('&').append(encode(param.getKey())).append('=').append(encode(value));
                    }
                }
            }
        }
        return href.toString();
    }

    boolean signedIn() {
        return principal != null && principal.viaSession();
    }

    Principal user() {
        return principal;
    }

    List<NavItem> navigation() {
        return navigation;
    }

    boolean current(NavItem item) {
        return ctx.path().equals(item.path());
    }

    /** The CSRF token every form of this page must carry. */
    String csrf() {
        return csrf.token(ctx);
    }

    Page withPublicLinks(List<PublicLink> links) {
        this.publicLinks = links;
        return this;
    }

    /** The public services this server offers besides the IMEI check. */
    List<PublicLink> publicLinks() {
        return publicLinks;
    }

    /** Loads the charting library (ECharts, served from the app) and ceir's chart helper. */
    Page withCharts() {
        charts = true;
        return this;
    }

    boolean charts() {
        return charts;
    }

    String chartsScript() {
        return chartsScript;
    }

    /** A day as people of this language write it, e.g. {@code 12 may 2026}. */
    String date(java.time.LocalDate day) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(day);
    }

    /** A moment in the server's time zone, to the minute. */
    String dateTime(java.time.Instant moment) {
        return moment == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(moment);
    }

    /** A moment in the server's time zone, to the minute. */
    String dateTime(java.time.OffsetDateTime moment) {
        return moment == null ? "" : dateTime(moment.toInstant());
    }

    /** A stored 14-digit IMEI body as people read it: 15 digits with the check digit. */
    String imei(String body) {
        return org.ceir.core.identity.Imei.ofKey(Long.parseLong(body)).toString();
    }

    /** A whole number as this language groups digits (12 345 or 12,345). */
    String number(double value) {
        return java.text.NumberFormat.getIntegerInstance(language.locale()).format(Math.round(value));
    }

    /** A byte count for people: 12.3 MB. */
    String bytes(long bytes) {
        return bytes(language, bytes);
    }

    static String bytes(Language language, long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(language.locale(), "%.1f %s", value, units[unit]);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
