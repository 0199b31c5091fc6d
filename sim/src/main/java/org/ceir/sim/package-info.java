/**
 * A synthetic country: subscribers, phones, clone rings and the operator files they produce, with the ground truth to measure detection by.
 */
package org.ceir.sim;
