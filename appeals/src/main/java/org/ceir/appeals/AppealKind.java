package org.ceir.appeals;

/** What an applicant asks for. */
public enum AppealKind {
    /** My phone now has a new SIM or number and stopped working: pair the new one. */
    NUMBER_CHANGE,
    /** I registered and paid for this phone and it stopped working: pair my SIM as the owner's. */
    ORIGINAL_OWNER,
    /** Anything else; decided on its merits, without a pairing. */
    OTHER;

    /** The kind named in any case, with dashes or underscores; an error lists the kinds. */
    public static AppealKind parse(String name) {
        String wanted = name == null ? "" : name.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (AppealKind kind : values()) {
            if (kind.name().equals(wanted)) {
                return kind;
            }
        }
        throw new AppealException(AppealException.Kind.INVALID, "appeal kind '" + name
                + "': one of number-change, original-owner, other");
    }
}
