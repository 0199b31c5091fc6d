package org.ceir.web;

import java.util.Set;

/**
 * Who reads clone cases and who decides them: one rule for every door onto detect's
 * {@link org.ceir.detect.CloneCases} (the console's case pages and {@code /api/v1/cases}).
 *
 * <p>Only analysts decide. A confirmation restricts a citizen's phone to the SIMs already on it,
 * and the article has the analytics group answer for it, as it answers for the appeals against it
 * (which only analysts decide too). Administrators manage the accounts and the settings, among them
 * the detection conditions that open cases: were they to decide cases as well, one person could
 * grant themselves the analyst's work, tune what detection flags and confirm what it flagged, with
 * no second pair of eyes. Separation of duties keeps the two apart. Deciding also means matching a
 * citizen's SIM to a row of the evidence, and administrators see subscriber identities masked
 * ({@link SubscriberIds}). Administrators and auditors read cases.
 */
final class CaseRoles {
    static final Set<Role> READERS = Set.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);
    static final Set<Role> DECIDERS = Set.of(Role.ANALYST);

    private CaseRoles() {
    }

    /** Reading cases through a door of this kind (pages: STAFF; the API: MACHINE). */
    static Access read(Access.Kind door) {
        return new Access(door, READERS);
    }

    /** Deciding cases (confirm, dismiss, lift) through a door of this kind. */
    static Access decide(Access.Kind door) {
        return new Access(door, DECIDERS);
    }

    /** Whether {@code user} may decide cases: what the pages show a form for. */
    static boolean decides(Principal user) {
        return DECIDERS.stream().anyMatch(user::has);
    }
}
