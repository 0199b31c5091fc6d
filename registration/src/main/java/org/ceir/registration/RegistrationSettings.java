package org.ceir.registration;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.ceir.registration.duty.Tariff;
import org.ceir.registration.duty.TariffVersion;
import org.ceir.registration.notify.NotifySettings;

/**
 * The {@code registration} settings section. Validated on construction; every message names the
 * setting.
 *
 * @param timeZone           where the register's days and years begin (deadlines, the yearly exemption)
 * @param currency           the currency duties are paid in (ISO 4217)
 * @param unitsPerUsd        the exchange rate applied to the catalogue's US-dollar prices
 * @param tariffs            the duty tariff's versions (see {@link TariffVersion})
 * @param ownerIdPattern     what a valid national ID looks like (a regular expression, upper case)
 * @param ownerIdName        what the ID is called, for messages (FIN in Azerbaijan)
 * @param ownerKey           the owner-ID master key, base64 of 32 bytes; empty to use the key file
 * @param ownerKeyFile       the key file, relative to CEIR_HOME; created with 0600 permissions when missing
 * @param maxImeisPerPhone   how many IMEIs one phone may have (multi-SIM phones)
 * @param paymentSecret      the HMAC-SHA256 secret payment providers sign with; empty turns the provider door off
 * @param graceDays          days an unregistered IMEI may be used after it is first seen
 * @param reminderDaysBefore days before the block on which a reminder is sent
 * @param exemptDeviceTypes  catalogue device types that need no registration (no deadline, no SMS)
 * @param sms                how SMS are sent
 */
public record RegistrationSettings(String timeZone, String currency, BigDecimal unitsPerUsd, List<TariffVersion> tariffs,
                                   String ownerIdPattern, String ownerIdName, String ownerKey, String ownerKeyFile,
                                   int maxImeisPerPhone, String paymentSecret, int graceDays,
                                   List<Integer> reminderDaysBefore, List<String> exemptDeviceTypes,
                                   NotifySettings sms) {

    public RegistrationSettings {
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("registration.time-zone '" + timeZone
                    + "': a region such as Asia/Baku", e);
        }
        try {
            new Tariff(tariffs, currency, unitsPerUsd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registration.tariffs: " + e.getMessage(), e);
        }
        tariffs = List.copyOf(tariffs);
        try {
            Pattern.compile(ownerIdPattern == null ? "" : ownerIdPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("registration.owner-id-pattern: not a regular expression: "
                    + e.getDescription(), e);
        }
        if (ownerIdPattern == null || ownerIdPattern.isBlank()) {
            throw new IllegalArgumentException("registration.owner-id-pattern is empty");
        }
        ownerIdName = ownerIdName == null || ownerIdName.isBlank() ? "national ID" : ownerIdName.strip();
        ownerKey = ownerKey == null ? "" : ownerKey.strip();
        ownerKeyFile = ownerKeyFile == null ? "" : ownerKeyFile.strip();
        if (ownerKey.isEmpty() && ownerKeyFile.isEmpty()) {
            throw new IllegalArgumentException("registration.owner-key and registration.owner-key-file are both"
                    + " empty; give one (the file is created when missing)");
        }
        if (!ownerKey.isEmpty()) {
            OwnerIds.decodeKey(ownerKey, "registration.owner-key");
        }
        if (maxImeisPerPhone < 1 || maxImeisPerPhone > 8) {
            throw new IllegalArgumentException("registration.max-imeis-per-phone " + maxImeisPerPhone
                    + ": between 1 and 8");
        }
        paymentSecret = paymentSecret == null ? "" : paymentSecret;
        if (!paymentSecret.isEmpty() && paymentSecret.length() < 16) {
            throw new IllegalArgumentException("registration.payment-secret: at least 16 characters (or empty to"
                    + " turn payments from providers off)");
        }
        if (graceDays < 0 || graceDays > 3650) {
            throw new IllegalArgumentException("registration.grace-days " + graceDays + ": between 0 and 3650 days");
        }
        List<Integer> reminders = new ArrayList<>(reminderDaysBefore == null ? List.of() : reminderDaysBefore);
        for (Integer days : reminders) {
            if (days == null || days < 1 || days >= Math.max(graceDays, 1)) {
                throw new IllegalArgumentException("registration.reminder-days-before " + days
                        + ": each between 1 and grace-days - 1 (" + (graceDays - 1) + ")");
            }
        }
        reminders.sort(null);
        reminderDaysBefore = List.copyOf(reminders.stream().distinct().toList());
        exemptDeviceTypes = List.copyOf(exemptDeviceTypes == null ? List.of()
                : exemptDeviceTypes.stream().map(String::strip).toList());
        if (sms == null) {
            throw new IllegalArgumentException("registration.sms is missing");
        }
    }

    /** The zone of {@link #timeZone()}. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The tariff these settings describe. */
    public Tariff tariff() {
        return new Tariff(tariffs, currency, unitsPerUsd);
    }
}
