/**
 * The ceir domain: what an IMEI, an IMSI and an MSISDN are, what a device's status means,
 * and the rules that decide it. Pure Java (JDK only), so every adapter can share it.
 */
package org.ceir.core;
