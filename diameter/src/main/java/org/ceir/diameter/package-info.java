/**
 * Diameter (RFC 6733) and S13 (TS 29.272): the 4G network's device check, served over TCP with Netty.
 */
package org.ceir.diameter;
