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
        MACHINE
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

    static Access machine(Role first, Role... more) {
        return new Access(Kind.MACHINE, EnumSet.of(first, more));
    }

    boolean allows(Principal principal) {
        if (kind == Kind.PUBLIC) {
            return true;
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
