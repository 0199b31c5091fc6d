/**
 * Taking files in: operator network data, the TAC catalogue, registrations, stolen and pairing lists; validated, then merged all or nothing.
 */
package org.ceir.ingest;
