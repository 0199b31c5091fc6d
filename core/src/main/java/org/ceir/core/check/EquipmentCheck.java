package org.ceir.core.check;

/**
 * The EIR's decision: may this device, with this SIM, use the network? Every door asks the same
 * implementation (the eir module's in-memory engine), so every door gives the same answer.
 *
 * <p>Implementations answer from memory, never allocate in {@link #check}, and are safe to call
 * from many threads at once.
 */
public interface EquipmentCheck {

    /**
     * Decides one check, as a network asks it.
     *
     * @param imei     the IMEI as received: its first 14 digits are the key and a 15th or 16th
     *                 digit is not judged (TS 22.016); anything without 14 leading digits is
     *                 malformed
     * @param imsi     the subscriber's IMSI as received, or null when the request carries none
     *                 (S13 User-Name and N5g-eir supi are optional)
     * @param msisdn   the subscriber's number (E.164 digits), or null
     * @param operator the code of the asking operator (e.g. {@code azercell}), or null when unknown
     * @return the verdict, packed by {@link Verdict}
     */
    int check(CharSequence imei, CharSequence imsi, CharSequence msisdn, String operator);

    /** What the register knows of a device, for people; allocates, so not for the network path. */
    DeviceState describe(long imei);

    /**
     * Whether the answers can be trusted right now (a health page shows it). An implementation that
     * answers from a copy of the register says DEGRADED while it cannot keep that copy current; the
     * default, for implementations that hold everything themselves, is always UP.
     */
    default CheckHealth health() {
        return CheckHealth.up(getClass().getSimpleName());
    }
}
