package org.ceir.registration.notify;

/** The kinds of SMS ceir sends; each has a template in every language. */
public enum NoticeKind {
    /** An IMEI was first seen unregistered: register by the deadline. */
    GRACE_FIRST,
    /** Some days before the deadline, still unregistered. */
    GRACE_REMINDER,
    /** The deadline passed: the phone is blocked until registered and paid for. */
    GRACE_BLOCKED,
    /** A SIM new to a phone reported lost or stolen: take it to the police. */
    STOLEN_NEW_SIM,
    /** To the applicant: registration received, the duty to pay. */
    REGISTRATION_PENDING,
    /** To the applicant: paid, the phone is registered. */
    REGISTRATION_ACTIVE
}
