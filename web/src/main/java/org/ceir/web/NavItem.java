package org.ceir.web;

import java.util.Set;

/**
 * An entry of the console navigation: shown only to users with one of {@code roles}.
 *
 * @param path     where it leads
 * @param labelKey its label's message key
 * @param roles    who sees it (the same roles as the route's access)
 */
record NavItem(String path, String labelKey, Set<Role> roles) {
    boolean visibleTo(Principal principal) {
        return principal != null && roles.stream().anyMatch(principal::has);
    }
}
