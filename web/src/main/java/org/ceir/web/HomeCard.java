package org.ceir.web;

import java.util.List;

/**
 * A card on the console's home: a feature's figure for the signed-in person (open cases, running
 * imports…) and a link to where they act on it. Every {@link RouteGroup} may contribute cards for
 * the roles it serves; the home shows them in the order of {@link WebServer}'s groups, so a
 * dashboard of the article's figures adds its group and its cards appear there.
 *
 * @param id       an HTML id, unique on the page
 * @param titleKey the card's heading (a message key)
 * @param textKey  its sentence, with {@code args} in the placeholders
 * @param href     where its link leads
 * @param linkKey  the link's text
 */
record HomeCard(String id, String titleKey, String textKey, List<Object> args, String href, String linkKey) {
    HomeCard {
        args = List.copyOf(args);
    }
}
