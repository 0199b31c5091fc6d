/**
 * The web: the public IMEI check, the staff console, the REST API and its authentication
 * (Javalin on Jetty, jte templates compiled at build time, messages in Azerbaijani, English and
 * Russian). {@link org.ceir.web.WebServer}, {@link org.ceir.web.WebSettings} and
 * {@link org.ceir.web.Users} are its public face, with {@link org.ceir.web.WebFeatures} and
 * {@link org.ceir.web.ConsoleServices} for the services other modules bring; the rest is package-private.
 *
 * <p>Written by hand because no library here does it: the Argon2id PHC string encoding
 * ({@code PasswordHasher}; BouncyCastle computes Argon2 itself), the database-backed sessions and
 * CSRF tokens ({@code Sessions}, {@code Csrf}; Jetty's sessions live in one process's memory), and
 * the route access table ({@code Access}, {@code Guard}) that the authorization matrix test reads,
 * and the SIM timeline of the IMEI and case pages ({@code TimelineChart}: an SVG drawn on the
 * server, so it needs no script and screen readers get its title, description and per-row
 * titles; ECharts, served for the dashboard's charts, draws on a canvas they cannot read). An
 * import's live progress uses Javalin's server-sent events ({@code SseHandler}).
 */
package org.ceir.web;
