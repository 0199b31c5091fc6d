/** Speed of the importer against PostgreSQL's raw COPY, measured in the same run. */
package org.ceir.bench.ingest;
