package org.ceir.web;

import java.util.List;

/**
 * A feature's routes and the console navigation entries that lead to them. A later feature (clone
 * cases, appeals, registrations…) adds one group to {@link WebServer} and its rows to the
 * authorization matrix test; the navigation then shows it to the roles that may use it.
 */
interface RouteGroup {
    List<Route> routes();

    default List<NavItem> navigation() {
        return List.of();
    }

    /** What citizens can do here, linked from the public home page under the IMEI check. */
    default List<PublicLink> publicLinks() {
        return List.of();
    }

    /** The cards this feature puts on the console's home for {@code user} (none unless it has something to say). */
    default List<HomeCard> cards(Principal user) {
        return List.of();
    }
}
