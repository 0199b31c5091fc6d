package org.ceir.appeals;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What "where is my appeal" tells whoever holds the tracking number: the status and dates, and the
 * analyst's words when they were meant for the applicant (what to bring; why approved or rejected).
 * Never the applicant's ID, contact number or SIMs.
 */
public record PublicStatus(String tracking, AppealKind kind, AppealStatus status, String imei, LocalDate receivedOn,
                           LocalDate dueOn, Optional<LocalDate> decidedOn, Optional<String> message) {
}
