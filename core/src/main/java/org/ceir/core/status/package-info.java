/** What the network is told about a device, and why. */
package org.ceir.core.status;
