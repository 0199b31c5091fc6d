/** Load drivers for the web server; see {@code bench/scripts/web-check-wrk.sh}. */
package org.ceir.bench.web;
