/**
 * The device check, as every door (Diameter S13, N5g-eir, HTTP, the command line) asks it: one
 * interface, one packed verdict, so that all doors give the same answer and the hot path never
 * allocates.
 */
package org.ceir.core.check;
