package org.ceir.web;

import java.util.List;

/**
 * A user account change that cannot be made, with an English message for the command line and a
 * message key (and its arguments) for the console pages in each language.
 */
public final class InvalidUserException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    InvalidUserException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = List.of(args);
    }

    /** The message key under {@code user.error.} in the pages' messages. */
    public String key() {
        return key;
    }

    List<Object> args() {
        return args;
    }
}
