package org.ceir.web;

import java.util.Set;

/**
 * How the console shows the subscriber identities (IMSIs and MSISDNs) seen with an IMEI: in full to
 * analysts, who decide cases and appeals and must match a citizen's SIM to a row, and to auditors,
 * who check those decisions; masked for everyone else who may open the page (administrators and
 * post-office clerks), who never need whose SIM it is. A masked identity keeps its network part
 * (MCC and MNC, or the country code) and its last two digits, so rows stay distinct and a clerk can
 * still recognise the citizen's own number; the pattern of days, operators and roamers is whole.
 */
final class SubscriberIds {
    static final Set<Role> IN_FULL = Set.of(Role.ANALYST, Role.AUDITOR);
    private static final char HIDDEN = '•';

    private final boolean full;
    private final String countryCode;

    private SubscriberIds(boolean full, String countryCode) {
        this.full = full;
        this.countryCode = countryCode;
    }

    static SubscriberIds forViewer(Principal viewer, String countryCode) {
        return new SubscriberIds(viewer != null && IN_FULL.stream().anyMatch(viewer::has), countryCode);
    }

    boolean full() {
        return full;
    }

    /** An IMSI: in full, or its MCC and MNC (5 digits) and its last two. */
    String imsi(String imsi) {
        return full || imsi == null ? imsi : mask(imsi, 5);
    }

    /** An MSISDN: in full, or its country code and its last two digits. */
    String msisdn(String msisdn) {
        if (full || msisdn == null) {
            return msisdn;
        }
        return mask(msisdn, msisdn.startsWith(countryCode) ? countryCode.length() : Math.min(3, msisdn.length()));
    }

    private static String mask(String digits, int keepFront) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            return digits; // "(none or unusable)" and the like: no identity in it
        }
        if (digits.length() <= keepFront + 2) {
            return String.valueOf(HIDDEN).repeat(digits.length());
        }
        return digits.substring(0, keepFront) + String.valueOf(HIDDEN).repeat(digits.length() - keepFront - 2)
                + digits.substring(digits.length() - 2);
    }
}
