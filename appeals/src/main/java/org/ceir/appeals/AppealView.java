package org.ceir.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An appeal as staff see it: everything but the applicant's ID, which shows masked.
 *
 * @param overdue     open, not waiting for the applicant, and past its due date
 * @param duplicateOf the earlier open appeal of the same applicant for the same IMEI it is linked to
 * @param duplicates  later appeals linked to this one (decided with it)
 */
public record AppealView(String tracking, AppealKind kind, AppealStatus status, String imei, String applicantMasked,
                         String contactMsisdn, Optional<String> claimedImsi, Optional<String> claimedMsisdn,
                         String statement, Channel channel, Optional<String> officeCode, String language,
                         String filedBy, Instant receivedAt, LocalDate dueOn, boolean overdue,
                         Optional<String> duplicateOf, List<String> duplicates, Optional<String> reviewer,
                         Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<String> decisionReason,
                         List<Event> events, List<AttachmentInfo> attachments) {

    /** One step of the appeal. */
    public record Event(long id, Instant at, String actor, String action, Optional<AppealStatus> from,
                        AppealStatus to, Optional<String> reason, Optional<String> detail) {
    }

    /** A stored attachment, without its bytes. */
    public record AttachmentInfo(long id, String fileName, String mediaType, int sizeBytes, String sha256,
                                 String addedBy, Instant addedAt) {
    }
}
