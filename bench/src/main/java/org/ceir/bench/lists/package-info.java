/**
 * List export figures (issue 9): a generated 10-million-IMEI register exported beside COPY baselines.
 */
package org.ceir.bench.lists;
