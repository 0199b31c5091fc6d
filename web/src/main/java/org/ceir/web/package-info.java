/**
 * The web: the public IMEI check, the staff console, the REST API and its authentication
 * (Javalin on Jetty, jte templates compiled at build time, messages in Azerbaijani, English and
 * Russian). {@link org.ceir.web.WebServer}, {@link org.ceir.web.WebSettings} and
 * {@link org.ceir.web.Users} are its public face; the rest is package-private.
 *
 * <p>Written by hand because no library here does it: the Argon2id PHC string encoding
 * ({@code PasswordHasher}; BouncyCastle computes Argon2 itself), the database-backed sessions and
 * CSRF tokens ({@code Sessions}, {@code Csrf}; Jetty's sessions live in one process's memory), and
 * the route access table ({@code Access}, {@code Guard}) that the authorization matrix test reads.
 */
package org.ceir.web;
