/**
 * Taking files in: operator network data, the TAC catalogue, registrations, stolen and pairing
 * lists; streamed, checked, then merged all or nothing through a staging table loaded with
 * PostgreSQL {@code COPY} (an operator's first file of a month is copied straight into a new
 * table of its triplets instead). {@link org.ceir.ingest.Importer} is the door; files uploaded to
 * a server go through {@link org.ceir.ingest.ImportQueue} to it, queued as their import job and
 * imported in the background (a fixed pool of threads from the JDK: no job library is needed for
 * a queue whose state is one table). The rest is engine.
 *
 * <p>Written by hand because no library does it without costing the speed that is this module's
 * point: the byte-level CSV scanner ({@code LineReader}, {@code Fields}, {@code AsciiSlice}: no
 * object per field, about 100 ns a row) and the COPY encoders, text ({@code CopyWriter}) and
 * binary ({@code BinaryCopyWriter}, for operator rows: the server then parses nothing). Distinct
 * counts per day come from Apache DataSketches' HyperLogLog; JSON from Jackson; COPY from pgjdbc.
 */
package org.ceir.ingest;
