package org.ceir.sim;

import java.nio.file.Path;

import org.ceir.core.identity.Imei;

/**
 * {@code truth.csv}: for every IMEI (14-digit body) that appears in the operator files, the persona
 * whose behaviour explains its traffic; a cloned IMEI has one row with its ring and the number of
 * phones that carried it in the files (the donor included), which is what a detector can see.
 */
final class TruthFile {
    static final String HEADER = "imei,persona,is_clone,ring_id,ring_size";

    /** What the truth file counted. */
    record Counts(long[] imeisByPersona, int rings, long clonePhones, int largestRing) {
        long imeis() {
            long total = 0;
            for (long count : imeisByPersona) {
                total += count;
            }
            return total;
        }
    }

    private TruthFile() {
    }

    /** Writes the file; call after every operator file is written (it reads what they saw). */
    static Counts write(Path file, World world) {
        Devices devices = world.devices;
        long[] byPersona = new long[Persona.values().length];
        int[] rings = new int[1];
        long[] clonePhones = new long[1];
        int[] largest = new int[1];
        OutputFile.writeText(file, writer -> {
            writer.write(HEADER + "\n");
            int device = 0;
            while (device < devices.size()) {
                int ring = devices.ring(device);
                if (ring < 0) {
                    for (int slot = 0; slot < 2; slot++) {
                        if (devices.seen(device, slot)) {
                            Persona persona = devices.persona(device);
                            writer.write(Imei.formatKey(devices.key(device) + slot) + "," + persona.label() + ",false,,1\n");
                            byPersona[persona.ordinal()]++;
                        }
                    }
                    device++;
                    continue;
                }
                // A ring: the donor and its copies are consecutive devices.
                int phones = world.ringPhones.getInt(ring - 1);
                int seen = 0;
                for (int member = device; member < device + phones; member++) {
                    if (devices.seen(member, 0)) {
                        seen++;
                    }
                }
                if (seen > 0) {
                    writer.write(Imei.formatKey(devices.key(device)) + "," + Persona.CLONE.label() + ",true," + ring
                            + "," + seen + "\n");
                    byPersona[Persona.CLONE.ordinal()]++;
                    rings[0]++;
                    clonePhones[0] += seen;
                    largest[0] = Math.max(largest[0], seen);
                }
                device += phones;
            }
        });
        return new Counts(byPersona, rings[0], clonePhones[0], largest[0]);
    }
}
