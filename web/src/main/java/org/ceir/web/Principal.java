package org.ceir.web;

import java.util.Set;

/**
 * Who is making a request: a signed-in member of staff (with the session's CSRF token) or a
 * machine that sent its credentials with the request (no CSRF token: nothing rides on a cookie).
 */
record Principal(long userId, String username, String displayName, Set<Role> roles, String operatorCode,
                 String officeCode, String csrfToken) {

    boolean has(Role role) {
        return roles.contains(role);
    }

    boolean viaSession() {
        return csrfToken != null;
    }

    static Principal machine(Users.User user) {
        return new Principal(user.id(), user.username(), user.displayName(), user.roles(),
                user.operator().orElse(null), user.office().orElse(null), null);
    }
}
