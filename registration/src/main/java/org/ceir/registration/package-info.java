/**
 * Registration: phones registered by their owners (checked IMEI by IMEI) or importers (in bulk,
 * all or nothing), the duty from a versioned tariff, payments that activate registrations, the
 * 30-day rule's deadlines and SMS, lost and stolen reports, and owners' IDs kept encrypted. Public:
 * the services ({@link org.ceir.registration.Registrations}, {@link org.ceir.registration.Payments},
 * {@link org.ceir.registration.ImporterBatches}, {@link org.ceir.registration.StolenReports},
 * {@link org.ceir.registration.Deadlines}, {@link org.ceir.registration.PriceList}) and their records;
 * the rest is package-private. Written by hand only the glue: crypto is the JDK's (AES-GCM,
 * HMAC-SHA256), CSV is Commons CSV, bulk loading is PostgreSQL's COPY, SMPP is jSMPP.
 */
package org.ceir.registration;
