package org.ceir.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ceir.core.identity.Luhn;

/**
 * Writes one operator's file for one day: every link of the operator whose range holds the day and
 * whose daily chance comes up, as {@code date,imei,imsi,msisdn,rat}.
 *
 * <p>The hot path of the simulator (a million rows a second is the goal): one loop over primitive
 * columns that formats digits straight into a byte buffer, with no object per row. Every decision
 * is a hash of (operator stream, link, day), so the file's bytes do not depend on threads.
 *
 * <p>Dirt, so that the importer's checks see some: about 1 row in 1,024 has an empty MSISDN, and
 * 1 in 4,096 a malformed IMEI (half with a hex letter inside, half cut to 13 digits). A malformed
 * row does not count as the phone being seen.
 */
final class OperatorDayFile {
    static final byte[] HEADER = "date,imei,imsi,msisdn,rat\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;
    private static final int LONGEST_ROW = 8 + 1 + 16 + 1 + 15 + 1 + 15 + 1 + 15 + 1;
    private static final byte[] HEX = "ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final World world;
    private final long[] streams;
    private final int[] generations;

    OperatorDayFile(World world, long seed) {
        this.world = world;
        this.streams = new long[world.links.length];
        for (int op = 0; op < streams.length; op++) {
            streams[op] = Mix.stream(seed, 100 + op);
        }
        this.generations = new int[world.catalogue.models().size()];
        for (DeviceModel model : world.catalogue.models()) {
            generations[model.index()] = model.generation();
        }
    }

    /**
     * Writes day {@code day} of operator {@code op} to {@code out} (which it does not close).
     *
     * @param date the day as 8 ASCII digits, YYYYMMDD
     * @return the number of rows written
     */
    long write(int op, int day, byte[] date, OutputStream out) throws IOException {
        return write(op, day, date, out, true);
    }

    /** The same, with the header line only when {@code header} (a month's file has it once). */
    long write(int op, int day, byte[] date, OutputStream out, boolean header) throws IOException {
        Links links = world.links[op];
        int[] devices = links.devices();
        int[] sims = links.sims();
        short[] firsts = links.firsts();
        short[] lasts = links.lasts();
        char[] chances = links.activities();
        byte[] slots = links.slots();
        long[] keys = world.devices.keys();
        short[] models = world.devices.models();
        byte[] formats = world.devices.formats();
        long[] imsis = world.sims.imsis();
        long[] msisdns = world.sims.msisdns();
        long stream = streams[op];

        byte[] buffer = new byte[BUFFER];
        int pos = 0;
        if (header) {
            System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
            pos = HEADER.length;
        }
        long rows = 0;
        int size = links.size();
        for (int i = 0; i < size; i++) {
            if (day < firsts[i] || day > lasts[i]) {
                continue;
            }
            long h = Mix.hash(stream, i, day);
            char chance = chances[i];
            if (chance != Links.ALWAYS && (h >>> 48) >= chance) {
                continue;
            }
            if (pos > BUFFER - LONGEST_ROW) {
                out.write(buffer, 0, pos);
                pos = 0;
            }
            int device = devices[i];
            int slot = slots[i];
            System.arraycopy(date, 0, buffer, pos, 8);
            buffer[pos + 8] = ',';
            pos += 9;
            long imei = keys[device] + slot;
            if (((h >>> 10) & 0xFFF) != 0) {
                pos = imei(buffer, pos, imei, formats[device]);
                world.devices.markSeen(device, slot);
            } else {
                pos = malformedImei(buffer, pos, imei, (h >>> 22) & 0xF);
            }
            buffer[pos++] = ',';
            pos = fixed(buffer, pos, imsis[sims[i]], 15);
            buffer[pos++] = ',';
            if ((h & 0x3FF) != 0) {
                pos = digits(buffer, pos, msisdns[sims[i]]);
            }
            buffer[pos++] = ',';
            byte[] rat = Radios.of(generations[models[device]], (int) (h >>> 32) & 0xFFFF);
            System.arraycopy(rat, 0, buffer, pos, rat.length);
            pos += rat.length;
            buffer[pos++] = '\n';
            rows++;
        }
        out.write(buffer, 0, pos);
        return rows;
    }

    /** The IMEI as the phone sends it: with its Luhn digit, a spare 0, or as an IMEISV. */
    private static int imei(byte[] buffer, int pos, long body, byte format) {
        pos = fixed(buffer, pos, body, 14);
        if (format == Devices.LUHN) {
            buffer[pos++] = (byte) ('0' + Luhn.checkDigit(body));
        } else if (format == Devices.SPARE_ZERO) {
            buffer[pos++] = '0';
        } else {
            int svn = format - Devices.IMEISV;
            buffer[pos++] = (byte) ('0' + svn / 10);
            buffer[pos++] = (byte) ('0' + svn % 10);
        }
        return pos;
    }

    /** A garbled IMEI: a hex letter among the digits, or only 13 digits. */
    private static int malformedImei(byte[] buffer, int pos, long body, long bits) {
        if ((bits & 1) == 0) {
            return fixed(buffer, pos, body / 10, 13);
        }
        int start = pos;
        pos = fixed(buffer, pos, body, 14);
        buffer[pos++] = (byte) ('0' + Luhn.checkDigit(body));
        buffer[start + 6 + (int) (bits >>> 1)] = HEX[(int) (bits >>> 1) % HEX.length];
        return pos;
    }

    /** {@code value} as exactly {@code width} digits, zero-padded. */
    static int fixed(byte[] buffer, int pos, long value, int width) {
        for (int i = pos + width - 1; i >= pos; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return pos + width;
    }

    /** {@code value} (positive) in as many digits as it has. */
    static int digits(byte[] buffer, int pos, long value) {
        int width = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            width++;
        }
        return fixed(buffer, pos, value, width);
    }
}
