/**
 * The state duty on imported phones: a tariff versioned by date, with price brackets (fixed
 * amounts or rates), a flat rate for models missing from the price catalogue, and an excise with
 * a yearly personal exemption; every computation is kept line by line for the applicant. Pure Java.
 */
package org.ceir.registration.duty;
