package org.ceir.appeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.ceir.core.country.NumberingPlan;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.Imsi;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.detect.CloneCases;
import org.ceir.detect.DetectSettings;
import org.ceir.registration.OwnerIds;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.registration.notify.Templates;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.Rows;

/**
 * Appeals, from filing to decision: a clerk files at a post office for a citizen who shows their
 * ID, or the citizen files online after proving their contact number with a one-time code; an
 * analyst reviews, asks for more, approves (pairing the SIM the appeal names, so the check engine
 * lets it on within a second) or rejects, always with a reason. Every step is one transaction
 * holding its status change, its pairings and their change-log rows, its audit entry and the
 * appellant's SMS. Appeals of the same applicant for the same IMEI while one is open are linked to
 * it and decided with it, never lost.
 */
public final class Appeals {
    private static final int MAX_STATEMENT = 4000;
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final AppealSettings settings;
    private final OwnerIds ownerIds;
    private final NumberingPlan numbering;
    private final ZoneId zone;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final OneTimeCodes codes;
    private final AppealNotices notices = new AppealNotices();
    private final AppealQueries queries;
    private final CloneCases cases;
    private final AppealEvidence evidence;

    /** Who files: a clerk at a post office, or the applicant online. */
    public record Filer(Channel channel, String actor, String officeCode) {
        public static Filer clerk(String username, String officeCode) {
            return new Filer(Channel.POST_OFFICE, username, officeCode);
        }

        public static Filer online() {
            return new Filer(Channel.ONLINE, "online", null);
        }
    }

    /** A filed appeal: what the applicant is told. */
    public record Filed(String tracking, AppealStatus status, LocalDate dueOn, Optional<String> duplicateOf,
                        int attachments) {
    }

    /**
     * What an approval pairs and unpairs; empty values take the appeal's claim.
     *
     * @param imsi   the SIM to pair (NUMBER_CHANGE: the new one; ORIGINAL_OWNER: the owner's)
     * @param msisdn its number (paired alone when no IMSI is known)
     * @param unpair active pairings to remove, each named by its IMSI or its number (the old SIM)
     */
    public record Approval(String imsi, String msisdn, List<String> unpair) {
        public static Approval asClaimed() {
            return new Approval(null, null, List.of());
        }
    }

    /** What a decision did. */
    public record Decision(AppealView appeal, List<String> paired, List<String> unpaired, boolean imeiIsClone,
                           List<String> decidedWith) {
    }

    public Appeals(Database database, AppealSettings settings, OwnerIds ownerIds, NumberingPlan numbering,
                   DetectSettings detect, ZoneId zone, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.ownerIds = ownerIds;
        this.numbering = numbering;
        this.zone = zone;
        this.clock = clock;
        this.workingDays = settings.workingDays();
        this.codes = new OneTimeCodes(settings, clock);
        this.queries = new AppealQueries(database, ownerIds, workingDays, settings, this::today);
        this.cases = new CloneCases(database, numbering.country(), detect);
        this.evidence = new AppealEvidence(database, numbering.country(), detect, queries);
    }

    public AppealSettings settings() {
        return settings;
    }

    /** Detection's clone cases, decided through the same service the CLI uses. */
    public CloneCases cases() {
        return cases;
    }

    /** The register's day now. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ----------------------------------------------------------------------------------------- filing

    /**
     * Sends a one-time code to a contact number, for filing online or answering a request online.
     *
     * @throws AppealException TOO_MANY when the number was sent too many codes this hour
     */
    public void sendCode(String contactNumber, String language) {
        String msisdn = msisdn(contactNumber, "contact number");
        String lang = language(language);
        database.transaction(connection -> {
            String code = codes.issue(connection, msisdn);
            notices.code(connection, msisdn, lang, code, settings.codeMinutes(), clock.millis());
            return null;
        });
    }

    /** Files an appeal a clerk took at a post office. */
    public Filed fileAtPostOffice(NewAppeal appeal, String clerk, String officeCode) {
        if (officeCode == null || officeCode.isBlank()) {
            throw invalid("a post-office appeal needs the office's code (the clerk's account has none)");
        }
        return file(parse(appeal), Filer.clerk(requireActor(clerk), officeCode.strip()), null);
    }

    /** Files an appeal online, once the code sent to its contact number is given back. */
    public Filed fileOnline(NewAppeal appeal, String code) {
        return file(parse(appeal), Filer.online(), code);
    }

    private Filed file(Parsed p, Filer filer, String code) {
        List<AttachmentCheck.Checked> attachments = checkAttachments(p.attachments());
        LocalDate today = today();
        LocalDate due = workingDays.after(today, settings.dueWorkingDays());
        byte[] applicantHash = ownerIds.lookupHash(p.applicantId());
        byte[] cipher = ownerIds.encrypt(p.applicantId());
        return database.transaction(connection -> {
            if (code != null) {
                OneTimeCodes.Check check = codes.check(connection, p.contact(), code);
                if (check.outcome() != OneTimeCodes.Outcome.ACCEPTED) {
                    return Coded.<Filed>refused(check);
                }
            }
            lockApplicant(connection, applicantHash, p.imei().key());
            Optional<OpenAppeal> original = openAppealOf(connection, applicantHash, p.imei().key());
            String tracking = TrackingNumbers.next();
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appeal (tracking, kind, status,"
                    + " imei, applicant_id_hash, applicant_id_cipher, contact_msisdn, claimed_imsi, claimed_msisdn,"
                    + " statement, channel, office_code, language, filed_by, received_at, due_on, duplicate_of)"
                    + " VALUES (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, tracking);
                insert.setString(2, p.kind().name());
                insert.setLong(3, p.imei().key());
                insert.setBytes(4, applicantHash);
                insert.setBytes(5, cipher);
                insert.setString(6, p.contact());
                insert.setString(7, p.imsi());
                insert.setString(8, p.msisdn());
                insert.setString(9, p.statement());
                insert.setString(10, filer.channel().name());
                insert.setString(11, filer.officeCode());
                insert.setString(12, p.language());
                insert.setString(13, filer.actor());
                insert.setObject(14, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
                insert.setObject(15, due);
                if (original.isPresent()) {
                    insert.setLong(16, original.get().id());
                } else {
                    insert.setNull(16, Types.BIGINT);
                }
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            List<String> hashes = storeAttachments(connection, id, attachments, filer.actor());
            String originalTracking = original.map(OpenAppeal::tracking).orElse(null);
            String detail = Json.object("kind", p.kind().name(), "imei", p.imei().toString(), "channel",
                    filer.channel().name(), "office", filer.officeCode(), "claimed_imsi", p.imsi(), "claimed_msisdn",
                    p.msisdn(), "due_on", due.toString(), "duplicate_of", originalTracking, "attachments", hashes);
            long event = event(connection, id, filer.actor(), "FILED", null, AppealStatus.RECEIVED, null, detail);
            AuditLog.append(connection, filer.actor(), "APPEAL_FILED", subject(tracking), null, detail,
                    filer.channel() == Channel.ONLINE ? "filed online, contact number proven by a one-time code"
                            : "filed at post office " + filer.officeCode() + "; the applicant showed their ID");
            if (original.isPresent()) {
                event(connection, original.get().id(), filer.actor(), "LINKED", null, original.get().status(), null,
                        Json.object("duplicate", tracking));
                AuditLog.append(connection, filer.actor(), "APPEAL_LINKED", subject(originalTracking), null,
                        Json.object("duplicate", tracking), "the same applicant appealed again for the same IMEI");
            }
            notices.step(connection, NoticeKind.APPEAL_RECEIVED, tracking, p.imei().key(), p.contact(), p.language(),
                    due, null, event);
            return new Coded<>(new Filed(tracking, AppealStatus.RECEIVED, due, Optional.ofNullable(originalTracking),
                    attachments.size()), null);
        }).orThrow();
    }

    /**
     * What a step done with a one-time code came to: its result, or the code's refusal. A refusal is
     * returned, not thrown, so that its transaction commits (a wrong try must count), and thrown after.
     */
    private record Coded<T>(T value, OneTimeCodes.Check refused) {
        static <T> Coded<T> refused(OneTimeCodes.Check check) {
            return new Coded<>(null, check);
        }

        T orThrow() {
            if (refused != null) {
                throw OneTimeCodes.refusal(refused);
            }
            return value;
        }
    }

    // -------------------------------------------------------------------------------------- deciding

    /** An analyst takes the appeal: UNDER_REVIEW, with them as its reviewer. */
    public AppealView review(String tracking, String actor) {
        String analyst = requireActor(actor);
        String key = TrackingNumbers.normalize(tracking);
        database.transaction(connection -> {
            Row row = lock(connection, key);
            requireOpen(row, "reviewed");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE appeal SET status = 'UNDER_REVIEW', reviewer = ? WHERE id = ?")) {
                update.setString(1, analyst);
                update.setLong(2, row.id());
                update.executeUpdate();
            }
            event(connection, row.id(), analyst, "REVIEW", row.status(), AppealStatus.UNDER_REVIEW, null, null);
            AuditLog.append(connection, analyst, "APPEAL_REVIEW", subject(key),
                    Json.object("status", row.status().name(), "reviewer", row.reviewer()),
                    Json.object("status", AppealStatus.UNDER_REVIEW.name(), "reviewer", analyst), null);
            return null;
        });
        return get(key);
    }

    /** The analyst needs more from the applicant and says what; the applicant is told by SMS. */
    public AppealView requestInfo(String tracking, String actor, String reason) {
        String analyst = requireActor(actor);
        String why = requireReason(reason, "request information");
        String key = TrackingNumbers.normalize(tracking);
        database.transaction(connection -> {
            Row row = lock(connection, key);
            requireOpen(row, "asked for information");
            if (row.status() == AppealStatus.INFO_REQUESTED) {
                throw new AppealException(AppealException.Kind.CONFLICT, "appeal " + key
                        + " is already waiting for information from the applicant");
            }
            setStatus(connection, row.id(), AppealStatus.INFO_REQUESTED, analyst);
            long event = event(connection, row.id(), analyst, "INFO_REQUESTED", row.status(),
                    AppealStatus.INFO_REQUESTED, why, null);
            AuditLog.append(connection, analyst, "APPEAL_INFO_REQUESTED", subject(key),
                    Json.object("status", row.status().name()), Json.object("status", "INFO_REQUESTED"), why);
            notices.step(connection, NoticeKind.APPEAL_INFO_REQUESTED, key, row.imei(), row.contact(), row.language(),
                    null, why, event);
            return null;
        });
        return get(key);
    }

    /**
     * Information from the applicant (brought to a post office, or added online): words and
     * documents. An appeal waiting for it goes back to review with a new due date.
     */
    public AppealView addInfo(String tracking, String actor, String text, List<Attachment> attachments) {
        return addInfo(tracking, requireActor(actor), text, attachments, null);
    }

    /** {@link #addInfo} by the applicant online, once the code sent to the appeal's contact number is given back. */
    public AppealView addInfoOnline(String tracking, String code, String text, List<Attachment> attachments) {
        return addInfo(tracking, "online", text, attachments, code == null ? "" : code);
    }

    /** Sends a code to the contact number of an appeal, for answering it online. */
    public void sendCodeFor(String tracking) {
        String key = TrackingNumbers.normalize(tracking);
        database.transaction(connection -> {
            Row row = find(connection, key, false);
            requireOpen(row, "answered");
            String code = codes.issue(connection, row.contact());
            notices.code(connection, row.contact(), row.language(), code, settings.codeMinutes(), clock.millis());
            return null;
        });
    }

    private AppealView addInfo(String tracking, String actor, String text, List<Attachment> given, String code) {
        String key = TrackingNumbers.normalize(tracking);
        String words = text == null ? "" : text.strip();
        if (words.length() > MAX_STATEMENT) {
            throw invalid("the text has " + words.length() + " characters; at most " + MAX_STATEMENT);
        }
        List<AttachmentCheck.Checked> attachments = checkAttachments(given == null ? List.of() : given);
        if (words.isEmpty() && attachments.isEmpty()) {
            throw new AppealException(AppealException.Kind.INVALID, "info-empty",
                    "nothing to add: give some words or a document");
        }
        database.transaction(connection -> {
            Row row = lock(connection, key);
            if (code != null) {
                OneTimeCodes.Check check = codes.check(connection, row.contact(), code);
                if (check.outcome() != OneTimeCodes.Outcome.ACCEPTED) {
                    return Coded.<Void>refused(check);
                }
            }
            requireOpen(row, "added to");
            AppealStatus to = row.status() == AppealStatus.INFO_REQUESTED ? AppealStatus.UNDER_REVIEW : row.status();
            LocalDate due = row.dueOn();
            if (row.status() == AppealStatus.INFO_REQUESTED) {
                due = workingDays.after(today(), settings.dueWorkingDays());
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE appeal SET status = ?, due_on = ? WHERE id = ?")) {
                    update.setString(1, to.name());
                    update.setObject(2, due);
                    update.setLong(3, row.id());
                    update.executeUpdate();
                }
            }
            List<String> hashes = storeAttachments(connection, row.id(), attachments, actor);
            String detail = Json.object("attachments", hashes, "due_on", due.toString());
            event(connection, row.id(), actor, "INFO_ADDED", row.status(), to, words.isEmpty() ? null : words, detail);
            AuditLog.append(connection, actor, "APPEAL_INFO_ADDED", subject(key),
                    Json.object("status", row.status().name(), "due_on", row.dueOn().toString()),
                    Json.object("status", to.name(), "due_on", due.toString(), "attachments", hashes), null);
            return new Coded<Void>(null, null);
        }).orThrow();
        return get(key);
    }

    /**
     * Approves an appeal. NUMBER_CHANGE pairs the new SIM (kind NUMBER_CHANGE), ORIGINAL_OWNER the
     * owner's (kind OWNER); either may unpair old SIMs; OTHER pairs nothing. Linked open duplicates
     * are approved with it.
     */
    public Decision approve(String tracking, String actor, String reason, Approval approval) {
        String analyst = requireActor(actor);
        String why = requireReason(reason, "approve");
        String key = TrackingNumbers.normalize(tracking);
        Approval asked = approval == null ? Approval.asClaimed() : approval;
        return database.transaction(connection -> {
            Row row = lock(connection, key);
            requireOpen(row, "approved");
            List<String> paired = new ArrayList<>();
            List<String> unpaired = new ArrayList<>();
            if (row.kind() == AppealKind.OTHER) {
                if (blank(asked.imsi()) && blank(asked.msisdn()) && asked.unpair().isEmpty()) {
                    // nothing to pair: an OTHER appeal is decided on its merits
                } else {
                    throw invalid("an approved OTHER appeal pairs nothing; file it as NUMBER_CHANGE or ORIGINAL_OWNER"
                            + " to pair a SIM");
                }
            } else {
                String imsi = blank(asked.imsi()) ? (blank(asked.msisdn()) ? row.claimedImsi() : null)
                        : Imsi.parse(asked.imsi()).digits();
                String msisdn = blank(asked.msisdn()) ? (blank(asked.imsi()) ? row.claimedMsisdn() : null)
                        : msisdn(asked.msisdn(), "number to pair");
                if (imsi == null && msisdn == null) {
                    throw invalid("appeal " + key + " names no SIM: give the IMSI or the number to pair");
                }
                String kind = row.kind() == AppealKind.NUMBER_CHANGE ? "NUMBER_CHANGE" : "OWNER";
                List<Pairings.Active> active = Pairings.active(connection, row.imei());
                List<Pairings.Active> toRemove = new ArrayList<>();
                for (String named : asked.unpair()) {
                    toRemove.add(match(active, named, row.imei()));
                }
                for (Pairings.Active old : toRemove) {
                    if ((imsi != null && imsi.equals(old.imsi())) || (imsi == null && msisdn.equals(old.msisdn()))) {
                        throw invalid("the SIM " + old.sim() + " is the one this approval pairs; it cannot also be unpaired");
                    }
                }
                for (Pairings.Active old : toRemove) {
                    Pairings.unpair(connection, row.imei(), old, analyst, "appeal " + key + ": " + why);
                    unpaired.add(old.sim());
                }
                String sim = (imsi == null ? "-" : imsi) + "/" + (msisdn == null ? "-" : msisdn);
                if (Pairings.pair(connection, row.imei(), imsi, msisdn, kind, "appeal:" + key, analyst, active)) {
                    paired.add(sim);
                }
                if (!paired.isEmpty() || !unpaired.isEmpty()) {
                    AuditLog.append(connection, analyst, "PAIRING_CHANGED", "imei:" + Imei.formatKey(row.imei()),
                            Json.object("unpaired", unpaired), Json.object("paired", paired, "kind", kind,
                                    "appeal", key), "appeal " + key + ": " + why);
                }
            }
            boolean clone = isClone(connection, row.imei());
            String detail = Json.object("paired", paired, "unpaired", unpaired, "imei_clone", clone);
            List<String> with = decide(connection, row, AppealStatus.APPROVED, analyst, why, detail);
            return new Decision(view(connection, key), paired, unpaired, clone, with);
        });
    }

    /** Rejects an appeal with a reason the applicant is told; linked open duplicates are rejected with it. */
    public Decision reject(String tracking, String actor, String reason) {
        String analyst = requireActor(actor);
        String why = requireReason(reason, "reject");
        String key = TrackingNumbers.normalize(tracking);
        return database.transaction(connection -> {
            Row row = lock(connection, key);
            requireOpen(row, "rejected");
            List<String> with = decide(connection, row, AppealStatus.REJECTED, analyst, why, null);
            return new Decision(view(connection, key), List.of(), List.of(), isClone(connection, row.imei()), with);
        });
    }

    /** Records a final decision on the appeal and its open duplicates; returns the duplicates' numbers. */
    private List<String> decide(Connection connection, Row row, AppealStatus to, String analyst, String why,
                                String detail) throws SQLException {
        finish(connection, row, to, analyst, why, detail, why);
        List<String> with = new ArrayList<>();
        List<Row> duplicates = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(Row.SELECT
                + " WHERE duplicate_of = ? AND status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED') ORDER BY id"
                + " FOR UPDATE")) {
            query.setLong(1, row.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    duplicates.add(Row.read(rows));
                }
            }
        }
        for (Row duplicate : duplicates) {
            finish(connection, duplicate, to, analyst, "decided with appeal " + row.tracking() + ": " + why,
                    Json.object("decided_with", row.tracking()), why);
            with.add(duplicate.tracking());
        }
        return with;
    }

    private void finish(Connection connection, Row row, AppealStatus to, String analyst, String reason, String detail,
                        String toApplicant) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE appeal SET status = ?, decided_by = ?,"
                + " decided_at = ?, decision_reason = ?, reviewer = coalesce(reviewer, ?) WHERE id = ?")) {
            update.setString(1, to.name());
            update.setString(2, analyst);
            update.setObject(3, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            update.setString(4, reason);
            update.setString(5, analyst);
            update.setLong(6, row.id());
            update.executeUpdate();
        }
        long event = event(connection, row.id(), analyst, to.name(), row.status(), to, reason, detail);
        AuditLog.append(connection, analyst, "APPEAL_" + to.name(), subject(row.tracking()),
                Json.object("status", row.status().name()), detail == null ? Json.object("status", to.name())
                        : Json.object("status", to.name(), "detail", detail), reason);
        notices.step(connection, to == AppealStatus.APPROVED ? NoticeKind.APPEAL_APPROVED : NoticeKind.APPEAL_REJECTED,
                row.tracking(), row.imei(), row.contact(), row.language(), null, toApplicant, event);
    }

    // ---------------------------------------------------------------------------------------- reading

    /** An appeal by tracking number, for staff. */
    public AppealView get(String tracking) {
        String key = TrackingNumbers.normalize(tracking);
        return database.transaction(connection -> view(connection, key));
    }

    /** The queue: by status ({@code null} or empty for all), open ones by due date first. */
    public List<AppealSummary> list(java.util.Set<AppealStatus> statuses, boolean overdueOnly, int limit) {
        return queries.list(statuses, overdueOnly, limit);
    }

    /** Open appeals past their due date, and clone cases open longer than the same working days. */
    public AppealQueries.Overdue overdue(int limit) {
        return queries.overdue(limit);
    }

    /** "Where is my appeal": what the holder of the tracking number may know. */
    public PublicStatus status(String tracking) {
        return queries.status(TrackingNumbers.normalize(tracking));
    }

    /** An attachment's bytes, for staff. */
    public AppealQueries.StoredAttachment attachment(String tracking, long id) {
        return queries.attachment(TrackingNumbers.normalize(tracking), id);
    }

    /** The article's table for appeals received from {@code from} to {@code to}, both included. */
    public AppealReport report(LocalDate from, LocalDate to) {
        return AppealReport.compute(database, zone, from, to, today());
    }

    /** Everything an analyst weighs for this appeal, in one place. */
    public AppealEvidence.Facts evidence(String tracking) {
        String key = TrackingNumbers.normalize(tracking);
        AppealView appeal = get(key);
        return evidence.facts(appeal, key);
    }

    private AppealView view(Connection connection, String tracking) throws SQLException {
        return queries.view(connection, tracking);
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** An appeal's fields as typed, checked. */
    private record Parsed(AppealKind kind, Imei imei, String applicantId, String contact, String imsi, String msisdn,
                          String statement, String language, List<Attachment> attachments) {
    }

    private Parsed parse(NewAppeal a) {
        if (a.kind() == null) {
            throw invalid("the kind of appeal is missing: number-change, original-owner or other");
        }
        Imei imei;
        try {
            imei = Imei.parse(a.imei());
        } catch (InvalidIdentityException e) {
            AppealException refused = new AppealException(AppealException.Kind.INVALID, null, e.getMessage()
                    + " (dial *#06# on the phone to see its IMEI)");
            refused.initCause(e); // pages explain the IMEI from it, in the reader's language
            throw refused;
        }
        String applicant;
        try {
            applicant = ownerIds.normalize(a.applicantId());
        } catch (RegistrationException e) {
            throw new AppealException(AppealException.Kind.INVALID, "applicant-id", "the applicant's ID: "
                    + e.getMessage().replace("the owner's ", ""));
        }
        String contact = msisdn(a.contactNumber(), "contact number");
        String imsi = null;
        if (!blank(a.claimedImsi())) {
            try {
                imsi = Imsi.parse(a.claimedImsi()).digits();
            } catch (InvalidIdentityException e) {
                throw invalid("the SIM's " + e.getMessage());
            }
        }
        String msisdn = blank(a.claimedMsisdn()) ? null : msisdn(a.claimedMsisdn(), "the SIM's number");
        if (a.kind() != AppealKind.OTHER && imsi == null && msisdn == null) {
            throw a.kind() == AppealKind.NUMBER_CHANGE
                    ? new AppealException(AppealException.Kind.INVALID, "sim-missing-new",
                            "a number change needs the new SIM: its phone number (or its IMSI)")
                    : new AppealException(AppealException.Kind.INVALID, "sim-missing-owner",
                            "an original owner's appeal needs the owner's SIM: its phone number (or its IMSI)");
        }
        String statement = a.statement() == null ? "" : a.statement().strip();
        if (statement.length() > MAX_STATEMENT) {
            throw invalid("the statement has " + statement.length() + " characters; at most " + MAX_STATEMENT);
        }
        List<Attachment> attachments = a.attachments() == null ? List.of() : a.attachments();
        return new Parsed(a.kind(), imei, applicant, contact, imsi, msisdn, statement, language(a.language()),
                attachments);
    }

    private List<AttachmentCheck.Checked> checkAttachments(List<Attachment> attachments) {
        if (attachments.size() > settings.maxAttachments()) {
            throw new AppealException(AppealException.Kind.INVALID, "attachments-many", attachments.size()
                    + " attachments; at most " + settings.maxAttachments(), settings.maxAttachments());
        }
        List<AttachmentCheck.Checked> checked = new ArrayList<>();
        for (Attachment attachment : attachments) {
            checked.add(AttachmentCheck.check(attachment, settings.maxAttachmentBytes()));
        }
        return checked;
    }

    private static List<String> storeAttachments(Connection connection, long appealId,
                                                 List<AttachmentCheck.Checked> attachments, String actor)
            throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appeal_attachment (appeal_id,"
                + " file_name, media_type, size_bytes, sha256, content, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (AttachmentCheck.Checked a : attachments) {
                insert.setLong(1, appealId);
                insert.setString(2, a.fileName());
                insert.setString(3, a.mediaType());
                insert.setInt(4, a.content().length);
                insert.setBytes(5, a.sha256());
                insert.setBytes(6, a.content());
                insert.setString(7, actor);
                insert.executeUpdate();
                hashes.add(HexFormat.of().formatHex(a.sha256()));
            }
        }
        return hashes;
    }

    private String msisdn(String typed, String what) {
        try {
            return numbering.parseMsisdn(typed).digits();
        } catch (IllegalArgumentException e) {
            throw new AppealException(AppealException.Kind.INVALID, "number", what + ": " + e.getMessage(),
                    typed == null ? "" : typed.strip());
        }
    }

    private static String language(String language) {
        String lang = language == null || language.isBlank() ? "az" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Templates.LANGUAGES.contains(lang)) {
            throw invalid("language '" + language + "': one of " + Templates.LANGUAGES);
        }
        return lang;
    }

    /** The active pairing named by its IMSI, its number (in any form people write it) or its id. */
    private Pairings.Active match(List<Pairings.Active> active, String named, long imei) {
        String value = named == null ? "" : named.strip();
        String number = null;
        try {
            number = numbering.parseMsisdn(value).digits();
        } catch (IllegalArgumentException notANumber) {
            // an IMSI or an id, then
        }
        for (Pairings.Active pairing : active) {
            if (value.equals(pairing.imsi()) || value.equals(Long.toString(pairing.id()))
                    || (number != null && number.equals(pairing.msisdn()))) {
                return pairing;
            }
        }
        throw invalid("IMEI " + Imei.ofKey(imei) + " has no active pairing with IMSI or number '" + value + "'");
    }

    private static boolean isClone(Connection connection, long imei) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM device_status WHERE imei = ? AND status = 'CLONE'")) {
            query.setLong(1, imei);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Serialises filings of one applicant for one IMEI, so two at once are still linked. */
    private static void lockApplicant(Connection connection, byte[] applicantHash, long imei) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))")) {
            lock.setString(1, "appeal:" + HexFormat.of().formatHex(applicantHash));
            lock.setLong(2, imei);
            lock.execute();
        }
    }

    /** The applicant's appeal for the IMEI still being decided, which a new one is linked to as a duplicate. */
    private record OpenAppeal(long id, String tracking, AppealStatus status) {
    }

    private static Optional<OpenAppeal> openAppealOf(Connection connection, byte[] applicantHash, long imei)
            throws SQLException {
        return Rows.list(connection, "SELECT id, tracking, status FROM appeal WHERE applicant_id_hash = ?"
                + " AND imei = ? AND duplicate_of IS NULL AND status IN ('RECEIVED', 'UNDER_REVIEW', 'INFO_REQUESTED')"
                + " ORDER BY id LIMIT 1", row -> new OpenAppeal(row.getLong(1), row.getString(2),
                        AppealStatus.valueOf(row.getString(3))), applicantHash, imei).stream().findFirst();
    }

    private static void setStatus(Connection connection, long id, AppealStatus to, String reviewer) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE appeal SET status = ?, reviewer = coalesce(reviewer, ?) WHERE id = ?")) {
            update.setString(1, to.name());
            update.setString(2, reviewer);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    static long event(Connection connection, long appealId, String actor, String action, AppealStatus from,
                      AppealStatus to, String reason, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appeal_event (appeal_id, actor,"
                + " action, from_status, to_status, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            insert.setLong(1, appealId);
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, from == null ? null : from.name());
            insert.setString(5, to.name());
            insert.setString(6, reason);
            insert.setString(7, detail);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The row of an appeal as the steps need it. */
    record Row(long id, String tracking, AppealKind kind, AppealStatus status, long imei, String contact,
               String claimedImsi, String claimedMsisdn, String language, LocalDate dueOn, String reviewer) {
        static final String SELECT = "SELECT id, tracking, kind, status, imei, contact_msisdn, claimed_imsi,"
                + " claimed_msisdn, language, due_on, reviewer FROM appeal";

        static Row read(ResultSet row) throws SQLException {
            return new Row(row.getLong(1), row.getString(2), AppealKind.valueOf(row.getString(3)),
                    AppealStatus.valueOf(row.getString(4)), row.getLong(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getString(9), row.getObject(10, LocalDate.class), row.getString(11));
        }
    }

    private static Row lock(Connection connection, String tracking) throws SQLException {
        return find(connection, tracking, true);
    }

    private static Row find(Connection connection, String tracking, boolean forUpdate) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Row.SELECT + " WHERE tracking = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            query.setString(1, tracking);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AppealException(AppealException.Kind.NOT_FOUND, "there is no appeal " + tracking);
                }
                return Row.read(row);
            }
        }
    }

    private static void requireOpen(Row row, String verb) {
        if (!row.status().open()) {
            throw new AppealException(AppealException.Kind.CONFLICT, "decided", "appeal " + row.tracking() + " is "
                    + row.status() + " already; a decided appeal cannot be " + verb + " (file a new one)",
                    row.tracking());
        }
    }

    private static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw invalid("who is acting is not known (sign in, or give --as NAME)");
        }
        return actor.strip();
    }

    private static String requireReason(String reason, String verb) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw invalid("give a reason to " + verb + " an appeal: the applicant is told it, and it is audited");
        }
        if (why.length() > MAX_REASON) {
            throw invalid("the reason has " + why.length() + " characters; at most " + MAX_REASON);
        }
        return why;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String subject(String tracking) {
        return "appeal:" + tracking;
    }

    private static AppealException invalid(String message) {
        return new AppealException(AppealException.Kind.INVALID, message);
    }
}
