package org.ceir.registration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ceir.core.country.NumberingPlan;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.duty.DutyQuote;
import org.ceir.registration.duty.DutyRequest;
import org.ceir.registration.duty.Payer;
import org.ceir.registration.duty.Tariff;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;
import org.ceir.store.Rows;
import org.ceir.store.StoreException;

/**
 * Registrations of phones by their owners: check every IMEI, compute the duty, record the
 * registration waiting for payment (or active at once when nothing is due), find and cancel them.
 */
public final class Registrations {
    private final Database database;
    private final RegistrationSettings settings;
    private final Tariff tariff;
    private final OwnerIds ownerIds;
    private final NumberingPlan numbering;
    private final Notices notices;
    private final Clock clock;

    /**
     * A person's application for one phone.
     *
     * @param ownerId          the owner's national ID (FIN)
     * @param ownerName        the owner's name
     * @param contactNumber    a number to tell the owner on (national or international form)
     * @param model            the model as the catalogue names it; empty to take it from the IMEIs' TAC
     * @param imeis            the phone's IMEIs (1 for single SIM, 2 or more for multi-SIM phones)
     * @param declaredPriceUsd what the owner says they paid, in US dollars (shown, not charged by)
     */
    public record PhoneApplication(String ownerId, String ownerName, String contactNumber, String model,
                                   List<String> imeis, BigDecimal declaredPriceUsd) {
    }

    /**
     * A registration as people may see it: the owner's ID masked, never in full.
     *
     * @param reference     what the owner pays with and clerks look it up by
     * @param kind          INDIVIDUAL, IMPORTER or IMPORTED
     * @param status        PENDING_PAYMENT, ACTIVE or CANCELLED
     * @param ownerMasked   the owner's ID, masked (empty for importers' batches)
     * @param phones        how many phones it covers
     * @param quote         the duty computation line by line, when one was made
     */
    public record Registration(String reference, String kind, String status, String ownerMasked, String ownerName,
                               String contactNumber, String make, String model, List<String> imeis,
                               BigDecimal declaredPriceUsd, BigDecimal marketPriceUsd, BigDecimal duty,
                               String currency, Optional<DutyQuote> quote, int phones, Instant createdAt,
                               Optional<Instant> activatedAt, String createdBy) {
    }

    /**
     * Everything a registration's page shows: the registration, how many IMEIs it has (its list
     * stops at 1,000), an importer batch's models, the payment, the history of its status from the
     * audit log, and the lost or stolen reports that named it.
     */
    public record Details(Registration registration, int imeiCount, List<ModelLine> models,
                          List<PaymentRecord> payments, List<HistoryEntry> history,
                          List<StolenReports.Reported> stolenReports) {
    }

    /** One model of an importer's batch: its phones, their declared total and the duty per phone. */
    public record ModelLine(String make, String model, int phones, BigDecimal declaredTotalUsd,
                            Optional<BigDecimal> marketPriceUsd, BigDecimal dutyPerPhone) {
    }

    /** A payment received for a registration, from a provider or a clerk. */
    public record PaymentRecord(String reference, BigDecimal amount, String currency, String channel,
                                String receivedBy, Optional<Instant> paidAt, Instant receivedAt) {
    }

    /**
     * One audited step of a registration.
     *
     * @param action what happened: REGISTRATION_CREATED, PAYMENT_RECEIVED, REGISTRATION_ACTIVATED…
     * @param status the status it left, when it changed one
     */
    public record HistoryEntry(Instant at, String actor, String action, Optional<String> status, String reason) {
    }

    public Registrations(Database database, RegistrationSettings settings, OwnerIds ownerIds, NumberingPlan numbering,
                         Clock clock) {
        this.database = database;
        this.settings = settings;
        this.tariff = settings.tariff();
        this.ownerIds = ownerIds;
        this.numbering = numbering;
        this.notices = new Notices(settings);
        this.clock = clock;
    }

    /**
     * Registers one phone for a person. Every IMEI is checked and every refusal reported at once;
     * nothing is written unless all pass.
     *
     * @throws RegistrationException with {@link RegistrationException#refusals()} naming each refused IMEI
     */
    public Registration registerPhone(PhoneApplication application, String actor) {
        String ownerId = ownerIds.normalize(application.ownerId());
        String name = application.ownerName() == null ? "" : application.ownerName().strip();
        if (name.isEmpty()) {
            throw invalid("the owner's name is empty");
        }
        String contact;
        try {
            contact = numbering.parseMsisdn(application.contactNumber()).digits();
        } catch (IllegalArgumentException e) {
            throw invalid("contact number: " + e.getMessage());
        }
        BigDecimal declared = application.declaredPriceUsd();
        if (declared == null || declared.signum() < 0) {
            throw invalid("the declared price is missing (what the phone cost, in US dollars)");
        }
        List<String> typed = application.imeis() == null ? List.of() : application.imeis();
        if (typed.isEmpty()) {
            throw invalid("no IMEI given: dial *#06# on the phone to see its IMEIs");
        }
        if (typed.size() > settings.maxImeisPerPhone()) {
            throw invalid(typed.size() + " IMEIs given; one phone has at most " + settings.maxImeisPerPhone());
        }

        List<Refusal> refusals = new ArrayList<>();
        Map<Long, Imei> imeis = new LinkedHashMap<>();
        for (String text : typed) {
            try {
                Imei imei = Imei.parse(text);
                if (imeis.putIfAbsent(imei.key(), imei) != null) {
                    refusals.add(new Refusal(0, text, Refusal.Reason.DUPLICATE_IN_REQUEST,
                            "IMEI " + imei + " is given twice"));
                }
            } catch (InvalidIdentityException e) {
                refusals.add(new Refusal(0, text, Refusal.Reason.INVALID_IMEI, e.getMessage()));
            }
        }

        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        try {
            return database.transaction(connection -> {
                Set<Integer> tacs = new HashSet<>();
                imeis.values().forEach(imei -> tacs.add(imei.tac().value()));
                Map<Integer, Catalogue.Model> models = Catalogue.models(connection, tacs);
                Catalogue.Model phone = null;
                for (Imei imei : imeis.values()) {
                    Catalogue.Model model = models.get(imei.tac().value());
                    if (model == null) {
                        refusals.add(new Refusal(0, imei.toString(), Refusal.Reason.TAC_UNKNOWN, "IMEI " + imei
                                + ": its TAC " + imei.tac() + " is not in the GSMA catalogue (check the IMEI with *#06#)"));
                    } else if (application.model() != null && !application.model().isBlank()
                            && !model.matches(application.model())) {
                        refusals.add(new Refusal(0, imei.toString(), Refusal.Reason.MODEL_MISMATCH, "IMEI " + imei
                                + " is a " + model + " by its TAC, not a " + application.model().strip()));
                    } else if (phone != null && !phone.sameModel(model)) {
                        refusals.add(new Refusal(0, imei.toString(), Refusal.Reason.MODEL_MISMATCH, "IMEI " + imei
                                + " is a " + model + " but the first IMEI is a " + phone
                                + ": one registration is one phone"));
                    } else if (phone == null) {
                        phone = model;
                    }
                }
                long[] keys = imeis.keySet().stream().mapToLong(Long::longValue).toArray();
                DeviceChecks.blockers(connection, keys).forEach((key, reason) -> refusals.add(new Refusal(0,
                        imeis.get(key).toString(), reason, DeviceChecks.explain(reason, imeis.get(key).toString()))));
                if (!refusals.isEmpty()) {
                    throw refused(refusals);
                }

                byte[] ownerHash = ownerIds.lookupHash(ownerId);
                Optional<BigDecimal> marketPrice = Catalogue.marketPrice(connection, phone);
                int earlier = earlierPersonalImports(connection, ownerHash, today);
                DutyQuote quote = tariff.quote(new DutyRequest(today, Payer.PERSON, phone.make(), phone.name(),
                        phone.deviceType(), marketPrice, Optional.of(declared), earlier));
                String status = quote.total().signum() == 0 ? "ACTIVE" : "PENDING_PAYMENT";
                String reference = References.next('R');
                long id;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration (reference, kind,"
                        + " status, owner_id_hash, owner_id_cipher, owner_name, contact_msisdn, tac, make, model,"
                        + " device_type, declared_price, market_price, duty_amount, duty_currency, tariff_version,"
                        + " duty_quote, created_by, activated_at) VALUES (?, 'INDIVIDUAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?::jsonb, ?, CASE WHEN ? = 'ACTIVE' THEN now() END) RETURNING id")) {
                    insert.setString(1, reference);
                    insert.setString(2, status);
                    insert.setBytes(3, ownerHash);
                    insert.setBytes(4, ownerIds.encrypt(ownerId));
                    insert.setString(5, name);
                    insert.setString(6, contact);
                    insert.setInt(7, phone.tac());
                    insert.setString(8, phone.make());
                    insert.setString(9, phone.name());
                    insert.setString(10, phone.deviceType());
                    insert.setBigDecimal(11, declared);
                    insert.setBigDecimal(12, marketPrice.orElse(null));
                    insert.setBigDecimal(13, quote.total());
                    insert.setString(14, quote.currency());
                    insert.setString(15, quote.tariffVersion());
                    insert.setString(16, Json.quote(quote));
                    insert.setString(17, actor);
                    insert.setString(18, status);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        id = row.getLong(1);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO registration_imei (registration_id, imei) VALUES (?, ?)")) {
                    for (long key : keys) {
                        insert.setLong(1, id);
                        insert.setLong(2, key);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                AuditLog.append(connection, actor, "REGISTRATION_CREATED", "registration:" + reference, null,
                        Json.object("kind", "INDIVIDUAL", "status", status, "imeis", imeiStrings(keys),
                                "model", phone.toString(), "duty", quote.total().toPlainString(),
                                "tariff", quote.tariffVersion()), null);
                if ("ACTIVE".equals(status)) {
                    Activation.announce(connection, id, reference);
                    notices.toApplicant(connection, NoticeKind.REGISTRATION_ACTIVE, reference, keys[0], null,
                            quote.currency(), contact);
                } else {
                    notices.toApplicant(connection, NoticeKind.REGISTRATION_PENDING, reference, keys[0], quote.total(),
                            quote.currency(), contact);
                }
                return read(connection, reference, ownerIds).orElseThrow();
            });
        } catch (StoreException e) {
            if (uniqueViolation(e)) {
                // another registration took one of these IMEIs between our check and our insert
                throw new RegistrationException(RegistrationException.Kind.CONFLICT,
                        "one of these IMEIs was registered a moment ago by someone else; try again to see which");
            }
            throw e;
        }
    }

    /**
     * The duty a phone would pay today (or on another day), line by line, without registering it.
     *
     * @param model          a model named as in the price list or the TAC catalogue; empty when only a price is known
     * @param priceUsd       with a model: the declared price (shown only); without one: the market price to quote by
     * @param payer          a person or an importer
     * @param on             the day, for another tariff version; empty for today
     * @param earlierImports the person's earlier personal imports this year (the excise's exemption)
     */
    public DutyQuote quote(Optional<String> model, Optional<BigDecimal> priceUsd, Payer payer, Optional<LocalDate> on,
                           int earlierImports) {
        LocalDate day = on.orElse(LocalDate.now(clock.withZone(settings.zone())));
        if (model.isEmpty() || model.get().isBlank()) {
            BigDecimal price = priceUsd.orElseThrow(() -> invalid("give a model (--model), a market price (--price), or both"));
            return tariff.quote(new DutyRequest(day, payer, "", "", null, Optional.of(price), Optional.empty(),
                    earlierImports));
        }
        return database.transaction(connection -> {
            Optional<Catalogue.Model> catalogued = Catalogue.modelNamed(connection, model.get());
            if (catalogued.isPresent()) {
                Catalogue.Model found = catalogued.get();
                return tariff.quote(new DutyRequest(day, payer, found.make(), found.name(), found.deviceType(),
                        Catalogue.marketPrice(connection, found), priceUsd, earlierImports));
            }
            Optional<PriceList.Entry> listed = Catalogue.priceNamed(connection, model.get());
            return tariff.quote(new DutyRequest(day, payer, listed.map(PriceList.Entry::manufacturer).orElse(""),
                    listed.map(PriceList.Entry::model).orElse(model.get().strip()), null,
                    listed.map(PriceList.Entry::marketPriceUsd), priceUsd, earlierImports));
        });
    }

    /** A registration by its reference. */
    public Optional<Registration> find(String reference) {
        return database.transaction(connection -> read(connection, References.normalize(reference), ownerIds));
    }

    /** A person's registrations, newest first, found by the keyed hash of their ID. */
    public List<Registration> ofOwner(String ownerId) {
        byte[] hash = ownerIds.lookupHash(ownerIds.normalize(ownerId));
        return database.transaction(connection -> ofOwner(connection, hash));
    }

    /**
     * A person's registrations, as {@link #ofOwner(String)}, for a member of staff who searched for
     * them: the search is audited (who looked, for whose ID, masked, and how many were found), since
     * finding a person's phones by their ID is a look into their affairs.
     */
    public List<Registration> searchByOwner(String ownerId, String actor) {
        String id = ownerIds.normalize(ownerId);
        byte[] hash = ownerIds.lookupHash(id);
        return database.transaction(connection -> {
            List<Registration> found = ofOwner(connection, hash);
            AuditLog.append(connection, actor, "REGISTRATIONS_SEARCHED", "owner:" + OwnerIds.mask(id), null,
                    Json.object("found", found.size()), "search by the owner's " + settings.ownerIdName());
            return found;
        });
    }

    private List<Registration> ofOwner(Connection connection, byte[] hash) throws SQLException {
        return readEach(connection, "SELECT reference FROM registration WHERE owner_id_hash = ?"
                + " ORDER BY created_at DESC, id DESC", hash);
    }

    /** The registrations whose references {@code sql} selects with {@code parameters}, in its order. */
    private List<Registration> readEach(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Registration> found = new ArrayList<>();
        for (String reference : Rows.list(connection, sql, rows -> rows.getString(1), parameters)) {
            read(connection, reference, ownerIds).ifPresent(found::add);
        }
        return found;
    }

    /** Every registration that holds or held an IMEI (cancelled ones too), newest first. */
    public List<Registration> withImei(String imei) {
        long key;
        try {
            key = Imei.parse(imei).key();
        } catch (InvalidIdentityException e) {
            throw invalid(e.getMessage());
        }
        return database.transaction(connection -> readEach(connection, "SELECT r.reference FROM registration_imei ri"
                + " JOIN registration r ON r.id = ri.registration_id WHERE ri.imei = ?"
                + " ORDER BY r.created_at DESC, r.id DESC", key));
    }

    /** A registration with its models, payment, history and reports; see {@link Details}. */
    public Optional<Details> details(String reference) {
        String ref = References.normalize(reference);
        return database.transaction(connection -> {
            Optional<Registration> registration = read(connection, ref, ownerIds);
            if (registration.isEmpty()) {
                return Optional.<Details>empty();
            }
            long id;
            int imeiCount;
            try (PreparedStatement query = connection.prepareStatement("SELECT r.id, (SELECT count(*) FROM"
                    + " registration_imei ri WHERE ri.registration_id = r.id) FROM registration r WHERE r.reference = ?")) {
                query.setString(1, ref);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                    imeiCount = row.getInt(2);
                }
            }
            List<ModelLine> models = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT make, model, phones, declared_total,"
                    + " market_price, duty_per_phone FROM registration_model WHERE registration_id = ?"
                    + " ORDER BY phones DESC, make, model")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        models.add(new ModelLine(rows.getString(1), rows.getString(2), rows.getInt(3),
                                rows.getBigDecimal(4), Optional.ofNullable(rows.getBigDecimal(5)), rows.getBigDecimal(6)));
                    }
                }
            }
            List<PaymentRecord> payments = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT reference, amount, currency, channel,"
                    + " received_by, paid_at, received_at FROM payment WHERE registration_id = ? ORDER BY id")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        payments.add(new PaymentRecord(rows.getString(1), rows.getBigDecimal(2), rows.getString(3),
                                rows.getString(4), rows.getString(5),
                                Optional.ofNullable(rows.getTimestamp(6)).map(Timestamp::toInstant),
                                rows.getTimestamp(7).toInstant()));
                    }
                }
            }
            List<HistoryEntry> history = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT at, actor, action, after, reason"
                    + " FROM audit_log WHERE subject = ? ORDER BY id")) {
                query.setString(1, "registration:" + ref);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        history.add(new HistoryEntry(rows.getTimestamp(1).toInstant(), rows.getString(2),
                                rows.getString(3), Json.field(rows.getString(4), "status"),
                                rows.getString(5) == null ? "" : rows.getString(5)));
                    }
                }
            }
            return Optional.of(new Details(registration.get(), imeiCount, models, payments, history,
                    StolenReports.ofRegistration(connection, id)));
        });
    }

    /** The newest registrations, optionally of one status. */
    public List<Registration> list(Optional<String> status, int limit) {
        return list(status, limit, 0);
    }

    /** A page of registrations, newest first: {@code limit} of them after skipping {@code offset}. */
    public List<Registration> list(Optional<String> status, int limit, int offset) {
        return database.transaction(connection -> readEach(connection, "SELECT reference FROM registration"
                + " WHERE (?::text IS NULL OR status = ?) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                status.orElse(null), status.orElse(null), limit, offset));
    }

    /**
     * Cancels a registration: its IMEIs are free to register again, and an active one's IMEIs
     * stop being registered for the checks (an UNREGISTERED change each).
     */
    public Registration cancel(String reference, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw invalid("say why the registration is cancelled");
        }
        String ref = References.normalize(reference);
        return database.transaction(connection -> {
            long id;
            String status;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, status FROM registration WHERE reference = ? FOR UPDATE")) {
                query.setString(1, ref);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "no registration " + ref);
                    }
                    id = row.getLong(1);
                    status = row.getString(2);
                }
            }
            if ("CANCELLED".equals(status)) {
                throw new RegistrationException(RegistrationException.Kind.CONFLICT, "registration " + ref
                        + " is already cancelled");
            }
            if ("ACTIVE".equals(status)) {
                Activation.changeAll(connection, id, "UNREGISTERED", Json.object("registration", ref));
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE registration SET status = 'CANCELLED',"
                    + " cancelled_at = now(), cancelled_reason = ? WHERE id = ?")) {
                update.setString(1, reason.strip());
                update.setLong(2, id);
                update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registration_imei SET cancelled = true WHERE registration_id = ?")) {
                update.setLong(1, id);
                update.executeUpdate();
            }
            AuditLog.append(connection, actor, "REGISTRATION_CANCELLED", "registration:" + ref,
                    Json.object("status", status), Json.object("status", "CANCELLED"), reason.strip());
            return read(connection, ref, ownerIds).orElseThrow();
        });
    }

    private int earlierPersonalImports(Connection connection, byte[] ownerHash, LocalDate today) throws SQLException {
        ZoneId zone = settings.zone();
        Instant yearStart = today.withDayOfYear(1).atStartOfDay(zone).toInstant();
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM registration"
                + " WHERE owner_id_hash = ? AND kind = 'INDIVIDUAL' AND status <> 'CANCELLED' AND created_at >= ?"
                + " AND created_at < ?")) {
            query.setBytes(1, ownerHash);
            query.setTimestamp(2, Timestamp.from(yearStart));
            query.setTimestamp(3, Timestamp.from(today.withDayOfYear(1).plusYears(1).atStartOfDay(zone).toInstant()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    static Optional<Registration> read(Connection connection, String reference, OwnerIds ownerIds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.reference, r.kind, r.status,"
                + " r.owner_id_cipher, r.owner_name, r.contact_msisdn, r.make, r.model, r.declared_price,"
                + " r.market_price, r.duty_amount, r.duty_currency, r.duty_quote::text, r.device_count, r.created_at,"
                + " r.activated_at, r.created_by"
                + " FROM registration r WHERE r.reference = ?")) {
            query.setString(1, reference);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong(1);
                List<String> imeis = new ArrayList<>();
                try (PreparedStatement list = connection.prepareStatement("SELECT imei FROM registration_imei"
                        + " WHERE registration_id = ? ORDER BY device_no, imei LIMIT 1000")) {
                    list.setLong(1, id);
                    try (ResultSet rows = list.executeQuery()) {
                        while (rows.next()) {
                            imeis.add(Imei.ofKey(rows.getLong(1)).toString());
                        }
                    }
                }
                String quote = row.getString(14);
                Timestamp activated = row.getTimestamp(17);
                return Optional.of(new Registration(row.getString(2), row.getString(3), row.getString(4),
                        row.getBytes(5) == null ? "" : OwnerIds.mask(ownerIds.decrypt(row.getBytes(5))), row.getString(6),
                        row.getString(7), row.getString(8), row.getString(9), imeis, row.getBigDecimal(10),
                        row.getBigDecimal(11), row.getBigDecimal(12), row.getString(13),
                        quote == null ? Optional.empty() : Optional.of(Json.quote(quote)), row.getInt(15),
                        row.getTimestamp(16).toInstant(),
                        activated == null ? Optional.empty() : Optional.of(activated.toInstant()), row.getString(18)));
            }
        }
    }

    static List<String> imeiStrings(long[] keys) {
        List<String> out = new ArrayList<>(keys.length);
        for (long key : keys) {
            out.add(Imei.ofKey(key).toString());
        }
        return out;
    }

    static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && "23505".equals(((SQLException) cause).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static RegistrationException invalid(String message) {
        return new RegistrationException(RegistrationException.Kind.INVALID, message);
    }

    private static RegistrationException refused(List<Refusal> refusals) {
        String all = String.join("; ", refusals.stream().map(Refusal::message).toList());
        return new RegistrationException(RegistrationException.Kind.INVALID, refusals.size() == 1 ? all
                : refusals.size() + " IMEIs refused: " + all, refusals);
    }
}
