package org.ceir.web;

import java.util.Optional;

import io.javalin.http.Context;

/**
 * One way a system proves who it is with each API request. HTTP Basic with a staff account is the
 * first; operator API keys (issue 9) and mutual TLS are further implementations, tried in order.
 */
interface MachineAuthenticator {
    /**
     * @return the caller, or empty when the request carries no credential of this kind
     * @throws Problem 401 when it carries one that is wrong
     */
    Optional<Principal> authenticate(Context ctx);
}
