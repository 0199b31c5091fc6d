/**
 * Clone detection: runs that classify every IMEI seen in a window against configured conditions
 * (DIRBS's model: dimensions, intersected, each maybe inverted), the evidence a person needs to
 * judge a match, and the clone cases an analyst confirms (CLONE plus the pairings of the SIMs
 * already on the phone), dismisses or lifts.
 *
 * <p>Public: {@link org.ceir.detect.DetectSettings} and its condition records, {@link
 * org.ceir.detect.Detector} (a run), {@link org.ceir.detect.Classifier} (one condition, as a
 * library call), {@link org.ceir.detect.CloneCases}, {@link org.ceir.detect.ImeiReport},
 * {@link org.ceir.detect.Evidence} (what a person judges an IMEI by) and {@link
 * org.ceir.detect.TruthFile}. The engine (triplet loading, per-IMEI histories, dimensions) is
 * package-private.
 *
 * <p>Written by hand, because no library does it: the per-IMEI engine over DIRBS's monthly day
 * bitmasks. A SQL engine could compute the DIRBS counts, but not the per-day concurrency and
 * interleaving measures or the evidence in one pass; the bench module compares its speed with
 * DuckDB on the same triplets.
 */
package org.ceir.detect;
