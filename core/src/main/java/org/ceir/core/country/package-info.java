/**
 * The country a ceir instance serves: its MCC, calling code and operators, and the numbering
 * plan that splits IMSIs into networks and normalises national phone numbers. All configuration,
 * no country in code.
 */
package org.ceir.core.country;
