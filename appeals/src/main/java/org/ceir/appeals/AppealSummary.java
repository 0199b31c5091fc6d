package org.ceir.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An appeal as the queue lists it. */
public record AppealSummary(String tracking, AppealKind kind, AppealStatus status, String imei, Channel channel,
                            Optional<String> officeCode, Instant receivedAt, LocalDate dueOn, boolean overdue,
                            Optional<String> duplicateOf, Optional<String> reviewer, Optional<Instant> decidedAt) {
}
