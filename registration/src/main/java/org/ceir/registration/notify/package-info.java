/**
 * SMS to subscribers and applicants: a transactional outbox in PostgreSQL, templates in
 * Azerbaijani, English and Russian, and a dispatcher that sends at least once through the log or
 * over SMPP 3.4 (jSMPP) to each operator's SMSC, with retries, backoff and delivery receipts. Only
 * the splitting of long texts into concatenated SMS is written by hand ({@code SmsEncoding}):
 * jSMPP leaves it to its callers.
 */
package org.ceir.registration.notify;
