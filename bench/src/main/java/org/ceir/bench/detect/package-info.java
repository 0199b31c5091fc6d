/**
 * Detection benchmarks: a full run over a synthetic national window, its cost against the number
 * of triplets, and DuckDB on the same triplets exported to Parquet as the columnar baseline.
 */
package org.ceir.bench.detect;
