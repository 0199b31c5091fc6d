package org.ceir.core.identity;

import java.util.Optional;

/**
 * A value that is not a valid identity, with a message a person can act on and, where one
 * exists, the value they probably meant.
 */
public final class InvalidIdentityException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What kind of identity was being parsed. */
    public enum Kind { IMEI, IMSI, MSISDN, TAC }

    /** Why the value was refused; lets the web pages explain the mistake in each language. */
    public enum Problem { EMPTY, NOT_DIGITS, LENGTH, CHECK_DIGIT, PREFIX }

    private final Kind kind;
    private final String input;
    private final Problem problem;
    private final String suggestion;

    public InvalidIdentityException(Kind kind, String input, Problem problem, String message, String suggestion) {
        super(message);
        this.kind = kind;
        this.input = input;
        this.problem = problem;
        this.suggestion = suggestion;
    }

    public Kind kind() {
        return kind;
    }

    /** The value as it was given. */
    public String input() {
        return input;
    }

    public Problem problem() {
        return problem;
    }

    /** The corrected value, when the mistake can only have one fix (a wrong check digit). */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
