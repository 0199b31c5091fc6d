package org.ceir.registration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.registration.duty.Money;
import org.ceir.registration.notify.NoticeKind;
import org.ceir.store.AuditLog;
import org.ceir.store.Database;

/**
 * Payments of the duty. A registration becomes ACTIVE when a payment of exactly its duty arrives,
 * from a payment provider (a signed request) or from a clerk who took the money; its IMEIs go on
 * the change log in the same transaction, so the checks see them registered within a second.
 *
 * <p>A payment is known by its reference: the same reference again is the same payment and
 * changes nothing (providers retry), while the same reference with another registration or
 * amount is refused.
 *
 * <p>Providers sign the raw request body with HMAC-SHA256 under {@code registration.payment-secret}
 * and send the hex digest in a header ({@code X-Ceir-Signature: sha256=<hex>}). The body is JSON:
 * {@code {"reference": "PAY-1", "registration": "R-…", "amount": "70.00", "currency": "AZN",
 * "paid_at": "2026-11-24T10:15:00Z"}}.
 */
public final class Payments {
    /** The header a provider's signature travels in. */
    public static final String SIGNATURE_HEADER = "X-Ceir-Signature";

    private final Database database;
    private final RegistrationSettings settings;
    private final Notices notices;

    /** What a payment did. {@code alreadyApplied} when this reference had been received before. */
    public record Receipt(String paymentReference, String registration, BigDecimal amount, String currency,
                          String status, boolean alreadyApplied) {
    }

    public Payments(Database database, RegistrationSettings settings) {
        this.database = database;
        this.settings = settings;
        this.notices = new Notices(settings);
    }

    /**
     * A clerk confirms the payment of a registration's duty.
     *
     * @param registration the registration's reference
     * @param amount       the amount taken; empty for exactly the duty
     * @param receipt      the clerk's receipt number; empty to use {@code CLERK-<registration>}
     */
    public Receipt confirmByClerk(String registration, Optional<BigDecimal> amount, Optional<String> receipt,
                                  String clerk) {
        String ref = References.normalize(registration);
        String paymentRef = receipt.filter(r -> !r.isBlank()).map(String::strip).orElse("CLERK-" + ref);
        return database.transaction(connection -> apply(connection, paymentRef, ref, amount, settings.currency(),
                null, "CLERK", clerk, null));
    }

    /**
     * A payment provider's signed notice.
     *
     * @param body      the request body exactly as received
     * @param signature the {@value #SIGNATURE_HEADER} header ({@code sha256=<hex>} or bare hex)
     * @param provider  who sent it, for the audit log
     * @throws RegistrationException FORBIDDEN for a missing or wrong signature, INVALID for a bad
     *                               body or amount, NOT_FOUND, CONFLICT
     */
    public Receipt receiveSigned(byte[] body, String signature, String provider) {
        if (settings.paymentSecret().isEmpty()) {
            throw new RegistrationException(RegistrationException.Kind.FORBIDDEN, "payments from providers are"
                    + " turned off: set registration.payment-secret");
        }
        if (!MessageDigest.isEqual(sign(settings.paymentSecret(), body),
                parseSignature(signature))) {
            throw new RegistrationException(RegistrationException.Kind.FORBIDDEN, "the " + SIGNATURE_HEADER
                    + " header does not match the body (HMAC-SHA256 of the exact bytes, hex)");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalid("the body is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        String reference = text(json, "reference");
        String registration = References.normalize(text(json, "registration"));
        BigDecimal amount = Money.parse(text(json, "amount"), "amount");
        String currency = text(json, "currency").toUpperCase(Locale.ROOT);
        Instant paidAt = null;
        if (json.hasNonNull("paid_at")) {
            try {
                paidAt = OffsetDateTime.parse(json.get("paid_at").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid("paid_at '" + json.get("paid_at").asText() + "': an ISO 8601 moment, e.g."
                        + " 2026-11-24T10:15:00Z");
            }
        }
        byte[] digest = sha256(body);
        Instant paid = paidAt;
        return database.transaction(connection -> apply(connection, reference, registration, Optional.of(amount),
                currency, paid, "PROVIDER", provider, digest));
    }

    /** The signature of a body under a secret, as providers must compute it; for providers' tests and tools. */
    public static String signatureOf(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sign(secret, body));
    }

    private Receipt apply(Connection connection, String paymentRef, String registration, Optional<BigDecimal> amount,
                          String currency, Instant paidAt, String channel, String actor, byte[] bodyDigest)
            throws SQLException {
        if (paymentRef.isEmpty() || paymentRef.length() > 100) {
            throw invalid("payment reference '" + paymentRef + "': 1 to 100 characters");
        }
        long id;
        String status;
        BigDecimal duty;
        String dutyCurrency;
        String contact;
        try (PreparedStatement query = connection.prepareStatement("SELECT id, status, duty_amount, duty_currency,"
                + " contact_msisdn FROM registration WHERE reference = ? FOR UPDATE")) {
            query.setString(1, registration);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new RegistrationException(RegistrationException.Kind.NOT_FOUND, "no registration "
                            + registration);
                }
                id = row.getLong(1);
                status = row.getString(2);
                duty = row.getBigDecimal(3);
                dutyCurrency = row.getString(4);
                contact = row.getString(5);
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT p.registration_id, p.amount, p.currency,"
                + " r.reference, p.body_sha256 FROM payment p JOIN registration r ON r.id = p.registration_id"
                + " WHERE p.reference = ?")) {
            query.setString(1, paymentRef);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    BigDecimal earlier = row.getBigDecimal(2);
                    boolean same = row.getLong(1) == id && amount.map(a -> a.compareTo(earlier) == 0).orElse(true);
                    if (!same) {
                        throw new RegistrationException(RegistrationException.Kind.CONFLICT, "payment " + paymentRef
                                + " was already received for " + row.getString(4) + " (" + Money.format(
                                row.getBigDecimal(2), row.getString(3)) + "); a new payment needs a new reference");
                    }
                    return new Receipt(paymentRef, registration, row.getBigDecimal(2), row.getString(3), status, true);
                }
            }
        }
        if ("CANCELLED".equals(status)) {
            throw new RegistrationException(RegistrationException.Kind.CONFLICT, "registration " + registration
                    + " is cancelled; nothing to pay");
        }
        if ("ACTIVE".equals(status)) {
            throw new RegistrationException(RegistrationException.Kind.CONFLICT, "registration " + registration
                    + " is already paid and active");
        }
        if (!dutyCurrency.equals(currency)) {
            throw invalid("the duty is in " + dutyCurrency + ", the payment in " + currency);
        }
        BigDecimal paid = amount.orElse(duty);
        if (paid.compareTo(duty) != 0) {
            throw invalid("amount " + Money.format(paid, currency) + " does not match the duty of " + registration
                    + ", " + Money.format(duty, dutyCurrency));
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payment (reference, registration_id,"
                + " amount, currency, channel, received_by, paid_at, body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, paymentRef);
            insert.setLong(2, id);
            insert.setBigDecimal(3, paid);
            insert.setString(4, currency);
            insert.setString(5, channel);
            insert.setString(6, actor);
            insert.setTimestamp(7, paidAt == null ? null : Timestamp.from(paidAt));
            insert.setBytes(8, bodyDigest);
            insert.executeUpdate();
        }
        AuditLog.append(connection, actor, "PAYMENT_RECEIVED", "registration:" + registration, null,
                Json.object("payment", paymentRef, "amount", paid.toPlainString(), "currency", currency,
                        "channel", channel), null);
        Activation.activate(connection, id, registration, actor, "duty paid (payment " + paymentRef + ")");
        long[] imeis = Activation.liveImeis(connection, id);
        if (imeis.length > 0) {
            notices.toApplicant(connection, NoticeKind.REGISTRATION_ACTIVE, registration, imeis[0], paid, currency,
                    contact);
        }
        return new Receipt(paymentRef, registration, paid, currency, "ACTIVE", false);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw invalid("the body has no '" + field + "'");
        }
        return value.asText().strip();
    }

    private static byte[] parseSignature(String header) {
        if (header == null || header.isBlank()) {
            throw new RegistrationException(RegistrationException.Kind.FORBIDDEN, "the request is not signed: send"
                    + " the " + SIGNATURE_HEADER + " header (sha256=<hex HMAC of the body>)");
        }
        String hex = header.strip();
        if (hex.regionMatches(true, 0, "sha256=", 0, 7)) {
            hex = hex.substring(7);
        }
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistrationException(RegistrationException.Kind.FORBIDDEN, "the " + SIGNATURE_HEADER
                    + " header is not hex");
        }
    }

    private static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static RegistrationException invalid(String message) {
        return new RegistrationException(RegistrationException.Kind.INVALID, message);
    }
}
