/**
 * The check engine: answers every device check from an in-memory snapshot of the register, kept current from the change log.
 */
package org.ceir.eir;
