/**
 * Diameter (RFC 6733) and S13 (TS 29.272): the 4G network's device check, served over TCP with
 * Netty. Public: {@link org.ceir.diameter.S13Server}, {@link org.ceir.diameter.S13Client} and
 * their settings; the connection state machine, watchdog and guards are package-private.
 */
package org.ceir.diameter;
