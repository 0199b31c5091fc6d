/**
 * Benchmarks of the check engine: decisions per second (JMH, beside a bare primitive-map lookup),
 * bytes per listed IMEI (beside bare {@code long[]} + {@code int[]} arrays) and the time from a
 * committed status change to the first check that sees it (beside polling alone). Run them with
 * {@code bench/scripts/eir.sh}.
 */
package org.ceir.bench.eir;
