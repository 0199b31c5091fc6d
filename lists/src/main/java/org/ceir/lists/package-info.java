/**
 * Lists for operators and the operators' side of the integration API (issue 9): the blacklist,
 * notification and exception lists in DIRBS's formats, full and as deltas, deterministic to the
 * byte ({@link org.ceir.lists.ListExporter}, {@link org.ceir.lists.ListRuns}); API keys
 * ({@link org.ceir.lists.ApiKeys}). Operator files uploaded over the API are ingest's
 * ({@code org.ceir.ingest.ImportQueue}), as the console's uploads are.
 *
 * <p>The lists say what the check engine does: they are made from {@link org.ceir.eir.RegisterWalk},
 * the engine's own policy over the register, never from a second copy of its rules.
 *
 * <p>Written by hand, and why: the CSV writer ({@code CsvListWriter}), because the files must be
 * the same bytes for the same rows and carry their SHA-256 and row count as they are written (a
 * CSV library's quoting and line-ending choices would have to be pinned and checked anyway, for
 * three fixed, digit-only layouts); and the sorted merge of a new list with the stored one
 * ({@code ListSink}), which is a dozen lines. COPY goes through pgjdbc's {@code CopyManager},
 * JSON through Jackson, the primitive lists through fastutil.
 */
package org.ceir.lists;
