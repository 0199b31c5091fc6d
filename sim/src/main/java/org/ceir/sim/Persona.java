package org.ceir.sim;

import java.util.Locale;

/**
 * Who is behind an IMEI's traffic, as {@code truth.csv} names it. Every person of the simulated
 * country takes part in one scenario, and every phone in the scenario gets its persona.
 */
public enum Persona {
    /** One phone, one SIM, every day or most days. */
    SINGLE,
    /** A dual-SIM phone with an IMEI per slot: two IMEIs, one SIM each (often two operators). */
    DUAL_SIM,
    /** A cheap dual-SIM phone with one IMEI for both slots: two IMSIs on one IMEI every day. */
    DUAL_SIM_ONE_IMEI,
    /** A new SIM card for the same number (sometimes ported to another operator): A then B, once. */
    SIM_SWAP,
    /** A new SIM and a new number: A then B, once. */
    NUMBER_CHANGE,
    /** A phone sold to a new owner: the seller's SIM moves to a new phone, the buyer's SIM arrives. */
    RESALE,
    /** Two phones and one SIM moved between them every few days. */
    TWO_PHONES,
    /** One phone shared in a family: two or three SIMs taking turns over weeks. */
    FAMILY_SHARED,
    /** A new phone a shop tested with its own SIM (or two) before selling it. */
    SHOP_TESTED,
    /** A visitor with a foreign SIM on a home network. */
    ROAMER,
    /** A phone bought abroad during the period; registered or not, inside its grace or past it. */
    IMPORTED,
    /** A phone stolen and reported; someone else's SIM appears in it after the report. */
    STOLEN,
    /** A registered IMEI copied onto other phones, each with its own SIM. */
    CLONE;

    /** The name in {@code truth.csv}, e.g. {@code dual_sim_one_imei}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
