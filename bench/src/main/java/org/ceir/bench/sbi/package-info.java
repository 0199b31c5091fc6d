/**
 * Load targets for the N5g-eir figure: the real server with a trivial in-memory check, and a bare
 * Netty h2c server answering a constant as the baseline; {@code bench/scripts/n5g-eir-h2load.sh}
 * drives both with h2load in one run.
 */
package org.ceir.bench.sbi;
