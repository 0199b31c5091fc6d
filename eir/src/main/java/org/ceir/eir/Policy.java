package org.ceir.eir;

import org.ceir.core.check.CheckReason;
import org.ceir.core.check.Outcome;
import org.ceir.core.check.Verdict;
import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;

/**
 * The check policy (issue 5), applied in this order; the first step that applies decides:
 * <ol>
 *   <li>an IMEI without a usable 14-digit body → {@code eir.malformed-imei} (GREYLISTED);
 *       a TAC missing from the loaded catalogue → {@code eir.unallocated-tac} (GREYLISTED);</li>
 *   <li>stolen → BLACKLISTED;</li>
 *   <li>clone: a paired SIM → WHITELISTED; any other IMSI → BLACKLISTED ({@code CLONE_UNPAIRED_SIM},
 *       a refused attempt); no IMSI → {@code eir.clone-without-imsi} (BLACKLISTED);</li>
 *   <li>registered → WHITELISTED;</li>
 *   <li>exempt → WHITELISTED: an inbound roamer (the IMSI's MCC is not the country's), then a
 *       device type listed in {@code eir.exempt-device-types}, then the EXEMPT list;</li>
 *   <li>unregistered: first seen fewer than {@code eir.grace-days} days ago → GREYLISTED with the
 *       days left (today counts as one); after that → {@code eir.grace-expired} (BLACKLISTED); never
 *       seen → {@code eir.never-seen} (GREYLISTED), and the engine records today as first seen.</li>
 * </ol>
 *
 * <p>A SIM is paired when the check's IMSI is an active pairing's IMSI, or when an active pairing
 * names only an MSISDN and the check's MSISDN is that number. A 15th or 16th IMEI digit is not
 * judged (TS 22.016). Suspected clones are decided like any other device until an analyst confirms.
 * Pure: the same register, inputs and day give the same verdict.
 */
final class Policy {
    /** {@link #imsiKey} of a check that carries no IMSI. */
    static final long ABSENT = -2;
    /** {@link #imsiKey} of an IMSI that is not 1–15 digits. */
    static final long UNUSABLE = -1;

    private static final long KEY_LENGTH_UNIT = 1_000_000_000_000_000L;

    private final int graceDays;
    private final boolean exemptRoamers;
    private final boolean[] homeMcc = new boolean[1000];

    private final int malformed;
    private final int unallocatedTac;
    private final int stolen;
    private final int clonePaired;
    private final int cloneUnpaired;
    private final int cloneNoImsi;
    private final int registered;
    private final int exemptRoamer;
    private final int exemptDeviceType;
    private final int exemptListed;
    private final int expired;
    private final int[] grace;
    private final int neverSeen;

    Policy(EirSettings settings, Country country) {
        graceDays = settings.graceDays();
        exemptRoamers = settings.exemptRoamers();
        homeMcc[Integer.parseInt(country.mcc())] = true;
        for (Operator operator : country.operators()) {
            homeMcc[Integer.parseInt(operator.mcc())] = true;
        }
        malformed = Verdict.of(settings.malformedImei(), CheckReason.MALFORMED_IMEI, 0);
        unallocatedTac = Verdict.of(settings.unallocatedTac(), CheckReason.UNALLOCATED_TAC, 0);
        stolen = Verdict.of(Outcome.BLACKLISTED, CheckReason.STOLEN, 0);
        clonePaired = Verdict.of(Outcome.WHITELISTED, CheckReason.CLONE_PAIRED_SIM, 0);
        cloneUnpaired = Verdict.of(Outcome.BLACKLISTED, CheckReason.CLONE_UNPAIRED_SIM, 0);
        cloneNoImsi = Verdict.of(settings.cloneWithoutImsi(), CheckReason.CLONE_NO_IMSI, 0);
        registered = Verdict.of(Outcome.WHITELISTED, CheckReason.REGISTERED, 0);
        exemptRoamer = Verdict.of(Outcome.WHITELISTED, CheckReason.EXEMPT_ROAMER, 0);
        exemptDeviceType = Verdict.of(Outcome.WHITELISTED, CheckReason.EXEMPT_DEVICE_TYPE, 0);
        exemptListed = Verdict.of(Outcome.WHITELISTED, CheckReason.EXEMPT_LISTED, 0);
        expired = Verdict.of(settings.graceExpired(), CheckReason.UNREGISTERED_EXPIRED, 0);
        grace = new int[graceDays + 1];
        for (int days = 1; days <= graceDays; days++) {
            grace[days] = Verdict.of(Outcome.GREYLISTED, CheckReason.UNREGISTERED_GRACE, days);
        }
        neverSeen = Verdict.of(settings.neverSeen(), CheckReason.FIRST_SEEN, graceDays);
    }

    /**
     * Decides one check against the register on day {@code today} (days since 1970-01-01). Never
     * allocates; a FIRST_SEEN verdict tells the caller to record the sighting.
     */
    int decide(CharSequence imei, CharSequence imsi, CharSequence msisdn, int today, Register register) {
        long key = Imei.networkKey(imei);
        if (key == Imei.UNUSABLE) {
            return malformed;
        }
        TacCatalogue catalogue = register.catalogue();
        int tac = TacCatalogue.ABSENT;
        if (catalogue.loaded()) {
            tac = catalogue.lookup((int) (key / 1_000_000L));
            if (tac == TacCatalogue.ABSENT) {
                return unallocatedTac;
            }
        }
        long bits = register.bits(key);
        if (DeviceBits.has(bits, DeviceBits.STOLEN)) {
            return stolen;
        }
        if (DeviceBits.has(bits, DeviceBits.CLONE)) {
            long imsiKey = imsiKey(imsi);
            if (imsiKey >= 0 && register.paired(key, imsiKey)) {
                return clonePaired;
            }
            if (DeviceBits.has(bits, DeviceBits.MSISDN_PAIRING)) {
                long msisdnKey = msisdnKey(msisdn);
                if (msisdnKey >= 0 && register.paired(key, msisdnKey)) {
                    return clonePaired;
                }
            }
            return imsiKey == ABSENT ? cloneNoImsi : cloneUnpaired;
        }
        if (DeviceBits.has(bits, DeviceBits.REGISTERED)) {
            return registered;
        }
        if (exemptRoamers && isRoamer(imsi)) {
            return exemptRoamer;
        }
        if ((tac & TacCatalogue.EXEMPT_TYPE) != 0) {
            return exemptDeviceType;
        }
        if (DeviceBits.has(bits, DeviceBits.EXEMPT)) {
            return exemptListed;
        }
        if (DeviceBits.has(bits, DeviceBits.SEEN)) {
            int age = Math.max(0, today - DeviceBits.firstSeenDay(bits));
            return age < graceDays ? grace[graceDays - age] : expired;
        }
        return neverSeen;
    }

    int graceDays() {
        return graceDays;
    }

    /** The outcome this policy gives for a reason (each reason has exactly one). */
    Outcome outcomeOf(CheckReason reason) {
        switch (reason) {
            case MALFORMED_IMEI:
                return Verdict.outcome(malformed);
            case UNALLOCATED_TAC:
                return Verdict.outcome(unallocatedTac);
            case CLONE_NO_IMSI:
                return Verdict.outcome(cloneNoImsi);
            case UNREGISTERED_EXPIRED:
                return Verdict.outcome(expired);
            case FIRST_SEEN:
                return Verdict.outcome(neverSeen);
            case STOLEN:
            case CLONE_UNPAIRED_SIM:
                return Outcome.BLACKLISTED;
            case UNREGISTERED_GRACE:
                return Outcome.GREYLISTED;
            default:
                return Outcome.WHITELISTED;
        }
    }

    /** Whether the IMSI belongs to another country's network; false when there is none or it is unusable. */
    boolean isRoamer(CharSequence imsi) {
        int from = digitsFrom(imsi, "imsi-");
        if (imsi == null || imsi.length() - from < 6) {
            return false;
        }
        int mcc = 0;
        for (int i = from; i < from + 3; i++) {
            char c = imsi.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            mcc = mcc * 10 + (c - '0');
        }
        return !homeMcc[mcc];
    }

    /**
     * The key of an IMSI as sent ({@code imsi-} allowed): {@code length × 10^15 + value}, as
     * {@link org.ceir.core.identity.Imsi#key(CharSequence)}; {@link #ABSENT} when there is none,
     * {@link #UNUSABLE} when it is not 1–15 digits.
     */
    static long imsiKey(CharSequence imsi) {
        if (imsi == null || imsi.length() == 0) {
            return ABSENT;
        }
        return digitsKey(imsi, digitsFrom(imsi, "imsi-"));
    }

    /** The SIM key of an MSISDN ({@code +} or {@code msisdn-} allowed), or a negative value when none or unusable. */
    static long msisdnKey(CharSequence msisdn) {
        if (msisdn == null || msisdn.length() == 0) {
            return ABSENT;
        }
        int from = msisdn.charAt(0) == '+' ? 1 : digitsFrom(msisdn, "msisdn-");
        long key = digitsKey(msisdn, from);
        return key < 0 ? key : key | PairingSet.MSISDN;
    }

    private static long digitsKey(CharSequence text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > 15) {
            return UNUSABLE;
        }
        long value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return UNUSABLE;
            }
            value = value * 10 + (c - '0');
        }
        return length * KEY_LENGTH_UNIT + value;
    }

    /** The length of {@code prefix} when {@code text} starts with it (any case), else 0. */
    private static int digitsFrom(CharSequence text, String prefix) {
        if (text == null || text.length() <= prefix.length() || text.charAt(0) <= '9') {
            return 0; // the usual case, bare digits, decided by the first character
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) != prefix.charAt(i)) {
                return 0;
            }
        }
        return prefix.length();
    }
}
