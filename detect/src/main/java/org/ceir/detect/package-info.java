/**
 * Detection: classifies the IMEIs seen on the networks by configured conditions and keeps the evidence a person needs to judge each.
 */
package org.ceir.detect;
