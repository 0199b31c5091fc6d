package org.ceir.appeals;

/**
 * An appeal cannot be filed or decided as asked. The message is the one line a person reads (it
 * never repeats an applicant's ID); {@link #kind()} tells a web layer which HTTP status fits.
 */
public final class AppealException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms of an HTTP API. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** What it names does not exist (404). */
        NOT_FOUND,
        /** It contradicts the appeal's state (409), e.g. deciding a decided appeal. */
        CONFLICT,
        /** The caller has not proven what they must (403), e.g. a wrong one-time code. */
        FORBIDDEN,
        /** Too many tries for now (429). */
        TOO_MANY
    }

    private final Kind kind;
    private final String reason;
    private final transient Object[] args;

    public AppealException(Kind kind, String message) {
        this(kind, null, message);
    }

    /**
     * @param reason a stable name of what went wrong (e.g. {@code code-wrong}), so that pages can say
     *               it in the reader's language; null when only the message says it
     * @param args   the values the reason's text needs
     */
    public AppealException(Kind kind, String reason, String message, Object... args) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.args = args.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, by a stable name, when a page can say it in another language; else null. */
    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }
}
