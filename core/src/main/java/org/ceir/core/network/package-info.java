/** What a network reports about an attachment: radio technologies. */
package org.ceir.core.network;
