/**
 * The 5G-EIR service-based interface (TS 29.511 N5g-eir_EquipmentIdentityCheck): the 5G core's
 * device check over h2c. Public: {@link org.ceir.sbi.N5gEirServer}, {@link org.ceir.sbi.N5gEirClient},
 * their settings and answers; the Netty handler and query parser stay package-private.
 *
 * <p>Written by hand here: the query parser ({@code EquipmentStatusQuery}), because it decodes into
 * buffers reused from request to request (Netty's {@code QueryStringDecoder} builds a map of lists
 * of strings per request) and judges TS 29.571's identifier forms, which no library knows.
 */
package org.ceir.sbi;
