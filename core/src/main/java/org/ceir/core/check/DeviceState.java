package org.ceir.core.check;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the register knows of one device, for people (the public check, the CLI, the console):
 * never an owner, a number or an IMSI.
 *
 * @param imei           the 14-digit key
 * @param stolen         reported lost or stolen
 * @param cloned         has clone status: only paired SIMs may use it
 * @param suspectedClone detection flagged it and an analyst has not decided yet
 * @param registered     registered and paid for
 * @param exempt         on the exemption list
 * @param pairedSims     how many SIMs are paired with it
 * @param firstSeen      the day it was first seen on a network, if ever
 * @param graceEnds      the last day it may be used unregistered, if a grace period applies
 */
public record DeviceState(long imei, boolean stolen, boolean cloned, boolean suspectedClone, boolean registered,
                          boolean exempt, int pairedSims, Optional<LocalDate> firstSeen,
                          Optional<LocalDate> graceEnds) {
}
