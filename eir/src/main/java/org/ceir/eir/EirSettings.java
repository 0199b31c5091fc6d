package org.ceir.eir;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ceir.core.check.Outcome;

/**
 * The {@code eir} settings section: the check policy and how the engine keeps its snapshot current.
 * The policy's precedence is fixed (see {@link CheckEngine}); these settings choose the outcome of
 * the steps a regulator may want to soften or harden, and the exemptions.
 *
 * @param graceDays          days an unregistered IMEI may be used after it is first seen (the
 *                           Cabinet's rule: register within 30 days)
 * @param timeZone           where the register's days begin and end (grace days, counters by day)
 * @param malformedImei      the outcome for an IMEI with no usable 14-digit body
 * @param unallocatedTac     the outcome for a TAC missing from the loaded GSMA catalogue; judged
 *                           only when a catalogue is loaded
 * @param cloneWithoutImsi   the outcome for a clone checked without an IMSI (pairing cannot be judged)
 * @param neverSeen          the outcome for an IMEI never seen before (it is recorded as first seen)
 * @param graceExpired       the outcome once the grace period has passed unregistered
 * @param exemptRoamers      whether an IMSI of another country (an inbound roamer) is exempt from
 *                           registration
 * @param exemptDeviceTypes  GSMA device types (the catalogue's {@code device_type}, any case) that
 *                           need no registration
 * @param pollMillis         how often the engine asks the change log even without a notification
 * @param listen             whether to LISTEN for change notifications (off behind a connection
 *                           pooler in transaction mode, which cannot LISTEN; then polling alone
 *                           keeps the snapshot current)
 * @param flushSeconds       how often counters and first sightings are written to the database
 */
public record EirSettings(int graceDays, String timeZone, Outcome malformedImei, Outcome unallocatedTac,
                          Outcome cloneWithoutImsi, Outcome neverSeen, Outcome graceExpired, boolean exemptRoamers,
                          List<String> exemptDeviceTypes, int pollMillis, boolean listen, int flushSeconds) {

    public EirSettings {
        if (graceDays < 0 || graceDays > 3650) {
            throw new IllegalArgumentException("eir.grace-days " + graceDays + ": between 0 and 3650 days");
        }
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("eir.time-zone '" + timeZone
                    + "': a region such as Asia/Baku or an offset such as +04:00", e);
        }
        require("eir.malformed-imei", malformedImei);
        require("eir.unallocated-tac", unallocatedTac);
        require("eir.clone-without-imsi", cloneWithoutImsi);
        require("eir.never-seen", neverSeen);
        require("eir.grace-expired", graceExpired);
        List<String> types = new ArrayList<>();
        for (String type : exemptDeviceTypes == null ? List.<String>of() : exemptDeviceTypes) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("eir.exempt-device-types: an empty device type; write the"
                        + " catalogue's name, e.g. Modem or IoT Device");
            }
            types.add(type.strip());
        }
        exemptDeviceTypes = List.copyOf(types);
        if (pollMillis < 10 || pollMillis > 1000) {
            throw new IllegalArgumentException("eir.poll-millis " + pollMillis
                    + ": between 10 and 1000 (changes must reach the checks within a second)");
        }
        if (flushSeconds < 1 || flushSeconds > 300) {
            throw new IllegalArgumentException("eir.flush-seconds " + flushSeconds + ": between 1 and 300");
        }
    }

    /** The defaults of {@code ceir-defaults.yaml}, for tests and tools. */
    public static EirSettings defaults() {
        return new EirSettings(30, "Asia/Baku", Outcome.GREYLISTED, Outcome.GREYLISTED, Outcome.BLACKLISTED,
                Outcome.GREYLISTED, Outcome.BLACKLISTED, true, List.of(), 250, true, 5);
    }

    /** The zone of {@link #timeZone()}. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Whether a catalogue device type is exempt (case is ignored, as catalogues differ). */
    boolean isExemptDeviceType(String deviceType) {
        if (deviceType == null) {
            return false;
        }
        String wanted = deviceType.strip().toLowerCase(Locale.ROOT);
        for (String type : exemptDeviceTypes) {
            if (type.toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static void require(String name, Outcome outcome) {
        if (outcome == null) {
            throw new IllegalArgumentException(name + ": one of WHITELISTED, GREYLISTED, BLACKLISTED, UNKNOWN");
        }
    }
}
