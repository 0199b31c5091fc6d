/**
 * Lists for operators: the blacklist, notification and exception lists in DIRBS's formats, full and as deltas, deterministic to the byte.
 */
package org.ceir.lists;
