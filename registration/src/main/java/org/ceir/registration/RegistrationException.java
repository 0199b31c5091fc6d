package org.ceir.registration;

import java.util.List;

/**
 * A registration, payment or report cannot be done as asked. The message is the one line a person
 * reads; {@link #kind()} tells a web layer which HTTP status fits; {@link #refusals()} lists each
 * refused IMEI of a registration with its reason.
 */
public final class RegistrationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms of an HTTP API. */
    public enum Kind {
        /** The input is wrong (400/422). */
        INVALID,
        /** What it refers to does not exist (404). */
        NOT_FOUND,
        /** It contradicts what the register holds (409). */
        CONFLICT,
        /** The caller may not do it (403), e.g. a wrong signature or owner ID. */
        FORBIDDEN
    }

    private final Kind kind;
    private final transient List<Refusal> refusals;

    public RegistrationException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public RegistrationException(Kind kind, String message, List<Refusal> refusals) {
        super(message);
        this.kind = kind;
        this.refusals = List.copyOf(refusals);
    }

    public Kind kind() {
        return kind;
    }

    /** Each refused IMEI and why; empty when the failure is not about IMEIs. */
    public List<Refusal> refusals() {
        return refusals;
    }
}
