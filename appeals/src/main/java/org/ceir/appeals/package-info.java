/**
 * Appeals: a citizen whose phone stopped working asks, at a post office or online; an analyst decides with the evidence in front of them; every step audited.
 */
package org.ceir.appeals;
