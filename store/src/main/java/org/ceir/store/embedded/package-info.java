/**
 * The embedded PostgreSQL server: ceir's database when no external one is configured.
 *
 * <p>Written by hand around zonky's packaged PostgreSQL binaries rather than zonky's own launcher,
 * which cannot do two things ceir needs: several ceir processes sharing one server on one data
 * directory (started by the first, stopped by the last), and running as root (PostgreSQL refuses
 * root, so the server runs as {@code nobody}).
 */
package org.ceir.store.embedded;
