/**
 * The 5G-EIR service-based interface (TS 29.511 N5g-eir_EquipmentIdentityCheck): the 5G core's device check over h2c.
 */
package org.ceir.sbi;
