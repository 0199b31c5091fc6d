package org.ceir.core.check;

/**
 * A check's verdict packed into an {@code int}, so that answering never allocates: the outcome in
 * bits 0–2, the reason in bits 3–8, and the days left to register (0–65,535) in bits 16–31.
 */
public final class Verdict {
    private static final int OUTCOME_MASK = 0x7;
    private static final int REASON_SHIFT = 3;
    private static final int REASON_MASK = 0x3f;
    private static final int DAYS_SHIFT = 16;

    private Verdict() {
    }

    /** Packs a verdict; {@code daysLeft} is clamped to 0–65,535 and matters for UNREGISTERED_GRACE. */
    public static int of(Outcome outcome, CheckReason reason, int daysLeft) {
        int days = Math.max(0, Math.min(0xffff, daysLeft));
        return outcome.ordinal() | reason.ordinal() << REASON_SHIFT | days << DAYS_SHIFT;
    }

    public static Outcome outcome(int verdict) {
        return Outcome.ofOrdinal(verdict & OUTCOME_MASK);
    }

    public static CheckReason reason(int verdict) {
        return CheckReason.ofOrdinal(verdict >>> REASON_SHIFT & REASON_MASK);
    }

    public static int daysLeft(int verdict) {
        return verdict >>> DAYS_SHIFT;
    }

    /** For logs and tests, e.g. {@code GREYLISTED UNREGISTERED_GRACE (12 days left)}. */
    public static String toString(int verdict) {
        CheckReason reason = reason(verdict);
        return outcome(verdict) + " " + reason
                + (reason == CheckReason.UNREGISTERED_GRACE ? " (" + daysLeft(verdict) + " days left)" : "");
    }
}
