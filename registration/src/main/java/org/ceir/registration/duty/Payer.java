package org.ceir.registration.duty;

/** Who brings the phone in: the state duty is for personal imports, the excise for both. */
public enum Payer {
    /** A private person, for personal use. */
    PERSON,
    /** A company importing phones to sell; customs duties are settled at the border, not here. */
    IMPORTER
}
