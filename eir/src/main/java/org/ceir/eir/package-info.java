/**
 * The check engine: answers every device check from an in-memory copy of the register, kept
 * current from the change log, and counts the checks without writing to the database per check.
 *
 * <p>Public: {@link org.ceir.eir.CheckEngine} (implements {@link org.ceir.core.check.EquipmentCheck})
 * and {@link org.ceir.eir.EirSettings}; the rest is package-private. The policy and its precedence
 * are in {@code Policy}; the register's tables in {@code ImeiTable} and {@code PairingSet}; the
 * change feed in {@code ChangeFeed}.
 *
 * <p>Written by hand, and why: the two hash tables ({@code ImeiTable}, {@code PairingSet}), because
 * no primitive map we know of (fastutil, Agrona, Eclipse Collections, HPPC) may be read while
 * another thread writes it, and copying a 10-million-entry map per change is not an option; and the
 * hand-over set of first sightings ({@code FirstSightings}), because the JDK has no primitive
 * concurrent queue and Agrona's ring buffer needs {@code sun.misc.Unsafe}. Each is tested with
 * concurrent readers and writers. Everything else uses fastutil, {@link java.util.concurrent.atomic.LongAdder},
 * pgjdbc's LISTEN/NOTIFY and Micrometer.
 */
package org.ceir.eir;
