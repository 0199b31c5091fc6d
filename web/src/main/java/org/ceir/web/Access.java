package org.ceir.web;

import java.util.EnumSet;
import java.util.Set;

import io.javalin.router.EndpointMetadata;

/**
 * Who may call a route, attached to it as endpoint metadata and enforced by {@link Guard} before
 * the handler runs. A route without it is refused: access is never granted by omission.
 *
 * @param kind  how the caller proves who they are
 * @param roles the roles allowed (any one suffices); empty for {@link Kind#PUBLIC}
 */
record Access(Kind kind, Set<Role> roles) implements EndpointMetadata {
    enum Kind {
        /** Anyone; no sign-in. */
        PUBLIC,
        /** A person signed in to the console (session cookie); anonymous browsers go to the login page. */
        STAFF,
        /** A system calling an API: credentials with each request (HTTP Basic now, API keys later) or a session. */
        MACHINE,
        /**
         * A system that signs each request's body with a secret it shares with the register (payment
         * providers): no account, no session and so no CSRF token; the handler checks the signature
         * before it reads anything else, and refuses everyone else.
         */
        SIGNED
    }

    static final Access PUBLIC = new Access(Kind.PUBLIC, Set.of());

    Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static Access staff(Role first, Role... more) {
        return new Access(Kind.STAFF, EnumSet.of(first, more));
    }

    /** Any signed-in member of staff, whatever their role. */
    static Access anyStaff() {
        return new Access(Kind.STAFF, EnumSet.allOf(Role.class));
    }

    /** Callers who sign the body; see {@link Kind#SIGNED}. */
    static Access signed() {
        return new Access(Kind.SIGNED, Set.of());
    }

    static Access machine(Role first, Role... more) {
        return new Access(Kind.MACHINE, EnumSet.of(first, more));
    }

    boolean allows(Principal principal) {
        if (kind == Kind.PUBLIC || kind == Kind.SIGNED) {
            return true; // a signed route proves its caller in the handler
        }
        if (principal == null) {
            return false;
        }
        for (Role role : roles) {
            if (principal.has(role)) {
                return true;
            }
        }
        return false;
    }
}
