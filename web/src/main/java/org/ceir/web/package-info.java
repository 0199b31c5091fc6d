/**
 * The web: the public IMEI check, the staff console and the REST API.
 */
package org.ceir.web;
