/**
 * Registration: phones registered by their owners or importers, the state duty computed by a versioned tariff, payments, the 30-day rule, lost and stolen reports, and the SMS that tell subscribers.
 */
package org.ceir.registration;
