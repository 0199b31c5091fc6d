package org.ceir.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the jte templates of {@code src/main/jte}, compiled into this package at build time (so
 * they may use its package-private types and the jar needs no compiler).
 */
final class View {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            View.class.getPackageName());
    private final Messages messages;
    private final Requests requests;
    private final Csrf csrf;
    private final String chartsScript;
    private volatile List<NavItem> navigation = List.of();
    private volatile List<PublicLink> publicLinks = List.of();
    private volatile List<RouteGroup> groups = List.of();

    View(Messages messages, Requests requests, Csrf csrf, String chartsScript) {
        this.messages = messages;
        this.requests = requests;
        this.csrf = csrf;
        this.chartsScript = chartsScript;
    }

    /** The console navigation of every feature; set once, when the server has all its route groups. */
    void navigation(List<NavItem> items) {
        this.navigation = List.copyOf(items);
    }

    /** The public services of every feature, for the home page; set once, like the navigation. */
    void publicLinks(List<PublicLink> links) {
        this.publicLinks = List.copyOf(links);
    }

    /** The route groups whose cards the console's home shows; set once with the navigation. */
    void cards(List<RouteGroup> all) {
        this.groups = List.copyOf(all);
    }

    /** The home's cards for {@code user}, feature by feature. */
    List<HomeCard> cards(Principal user) {
        List<HomeCard> cards = new java.util.ArrayList<>();
        for (RouteGroup group : groups) {
            cards.addAll(group.cards(user));
        }
        return cards;
    }

    Page page(Context ctx, String titleKey) {
        return new Page(ctx, requests.language(ctx), messages, titleKey, Requests.principal(ctx), navigation, csrf,
                chartsScript).withPublicLinks(publicLinks);
    }

    /** Renders {@code template} with the page and the model's entries as its parameters. */
    void render(Context ctx, int status, String template, Page page, Map<String, ?> model) {
        Map<String, Object> params = new HashMap<>(model);
        params.put("page", page);
        StringOutput output = new StringOutput();
        engine.render(template + ".jte", params, output);
        ctx.status(status).html(output.toString());
    }

    void render(Context ctx, String template, Page page, Map<String, ?> model) {
        render(ctx, 200, template, page, model);
    }
}
