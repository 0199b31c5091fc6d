/**
 * Benchmarks: JMH for the hot paths and drivers for whole-system figures, each measured beside a
 * baseline in the same run (see each class's Javadoc for how to run it, and bench/scripts/).
 */
package org.ceir.bench;
