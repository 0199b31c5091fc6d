package org.ceir.web;

/**
 * A public service linked from the home page (the duty calculator, the registration form…), shown
 * only when the server has the feature.
 *
 * @param path     where it leads
 * @param labelKey its label's message key
 */
record PublicLink(String path, String labelKey) {
}
