package org.ceir.web;

import java.util.Set;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * One route of the web server: method, path, who may call it, and what answers. Every route is
 * declared this way, so that {@link Guard} can enforce its access and the authorization matrix
 * test can list every route.
 */
record Route(HandlerType method, String path, Access access, Handler handler) {

    static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    Endpoint endpoint() {
        return new Endpoint(method, path, handler, Set.of(access));
    }

    /** {@code GET /console/users}, as the matrix test names routes. */
    String key() {
        return method + " " + path;
    }
}
