package org.ceir.web;

/**
 * What the public check tells a person about an IMEI, in the engine's order of precedence (a
 * stolen clone is told it is stolen). Each has a title, an explanation and next steps in
 * {@code answer.<NAME>.*} of the messages.
 */
enum PublicStatus {
    /** Reported lost or stolen: blocked on every network. */
    STOLEN(Tone.BAD),
    /** Clone status: only the SIMs already on it work. */
    CLONE(Tone.BAD),
    /** Registered and paid for. */
    REGISTERED(Tone.GOOD),
    /** Exempt from registration. */
    EXEMPT(Tone.GOOD),
    /** Seen on a network, not registered, inside its grace period. */
    UNREGISTERED_GRACE(Tone.WARNING),
    /** Not registered and the grace period is over: blocked until registered. */
    UNREGISTERED_BLOCKED(Tone.BAD),
    /** Seen on a network and not registered, with no grace period known. */
    UNREGISTERED(Tone.WARNING),
    /** Never seen on the country's networks. */
    NEVER_SEEN(Tone.INFO);

    /** How the answer is shown; always with words too, never by colour alone. */
    enum Tone { GOOD, WARNING, BAD, INFO }

    private final Tone tone;

    PublicStatus(Tone tone) {
        this.tone = tone;
    }

    Tone tone() {
        return tone;
    }

    String cssClass() {
        return "answer-" + tone.name().toLowerCase(java.util.Locale.ROOT);
    }
}
