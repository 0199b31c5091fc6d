/**
 * {@code ceir demo}: a country in a box. Simulates, imports, detects, lets citizens appeal and
 * register, starts every server and prints what to try and the article's report, all through the
 * product's own services. Nothing here is a library's job; it is orchestration and printing.
 */
package org.ceir.app.demo;
