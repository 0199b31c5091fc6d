/**
 * The article's paragraph as figures for any period ({@code ceir report}, the console's dashboard):
 * clone IMEIs, the numbers seen with them, refused attach attempts, appeals by outcome,
 * registrations and duty, IMEIs blocked for missing registration, and the series the charts draw.
 *
 * <p>Here, in {@code appeals}, because it is the module that already reads across clone cases
 * (detect) and registrations and payments (registration) and owns the appeals table the paragraph
 * ends with; the only table it reads beyond those is the check engine's {@code check_counter}, by
 * SQL. Both the CLI and the web depend on this module already. Public: {@link
 * org.ceir.appeals.report.ArticleReport} and {@link org.ceir.appeals.report.ReportFormat}; the
 * queries are package-private. The CSV and text writing is by hand (a few lines of fixed columns);
 * JSON is Jackson's.
 */
package org.ceir.appeals.report;
