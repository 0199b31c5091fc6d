package org.ceir.lists;

/**
 * A request about lists, keys or uploads that cannot be done as asked; nothing was written. The
 * message is the one line a person reads; {@link #kind()} lets an API choose its HTTP status.
 */
public final class ListsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for choosing an answer (400, 403, 404, 409, 413). */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE }

    private final Kind kind;

    public ListsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ListsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
