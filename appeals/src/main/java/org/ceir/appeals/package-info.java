/**
 * Appeals: a citizen whose phone stopped working asks, through a post-office clerk or online
 * (the contact number proven by a one-time SMS code); an analyst decides with the evidence in
 * front of them, and every step is audited, logged for the check engine and told to the applicant.
 *
 * <p>Public: {@link org.ceir.appeals.Appeals} (filing, deciding, reading), its records, {@link
 * org.ceir.appeals.AppealReport}, {@link org.ceir.appeals.AppealSettings}. The rest is
 * package-private. Reused, not copied: owners' IDs ({@code OwnerIds}) and the SMS outbox from
 * registration, clone cases and the IMEI report from detect. Written by hand, because they are a
 * few lines each: the tracking numbers' check character (Luhn mod 32), working days, and telling
 * a PDF from a JPEG by content (a JPEG must decode with the JDK's ImageIO).
 */
package org.ceir.appeals;
