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
    REGISTRATION_ACTIVE,
    /** To an online appellant: the one-time code proving they hold the contact number. */
    APPEAL_CODE,
    /** To the appellant: the appeal is received, with its tracking number and due date. */
    APPEAL_RECEIVED,
    /** To the appellant: the analyst needs more, and says what. */
    APPEAL_INFO_REQUESTED,
    /** To the appellant: approved, and why. */
    APPEAL_APPROVED,
    /** To the appellant: rejected, and why. */
    APPEAL_REJECTED
}
