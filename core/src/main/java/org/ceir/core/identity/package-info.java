/**
 * Device and subscriber identities (3GPP TS 23.003): the one place where a typed or received
 * value is parsed, checked and explained. Network keys are primitive {@code long}s so that hot
 * paths never allocate.
 */
package org.ceir.core.identity;
