package org.ceir.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.ceir.core.identity.Imei;

/**
 * The simulator's ground truth, {@code truth.csv}: {@code imei,persona,is_clone,ring_id,ring_size},
 * one row per IMEI in the data (14 digits), columns by name in any order.
 */
public final class TruthFile {
    /** What one IMEI really is. */
    public record Truth(String persona, boolean isClone, int ringSize) {
    }

    private final Long2ObjectOpenHashMap<Truth> byImei;

    private TruthFile(Long2ObjectOpenHashMap<Truth> byImei) {
        this.byImei = byImei;
    }

    public static TruthFile read(Path file) {
        Long2ObjectOpenHashMap<Truth> byImei = new Long2ObjectOpenHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("truth file " + file + " is empty");
            }
            List<String> columns = Arrays.stream(header.split(",", -1)).map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            int imei = column(file, columns, "imei");
            int persona = column(file, columns, "persona");
            int clone = column(file, columns, "is_clone");
            int ringSize = column(file, columns, "ring_size");
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length < columns.size()) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + fields.length
                            + " fields, the header has " + columns.size());
                }
                long key = Imei.networkKey(fields[imei].strip());
                if (key == Imei.UNUSABLE) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": IMEI '" + fields[imei]
                            + "' has no 14-digit body");
                }
                String size = fields[ringSize].strip();
                byImei.put(key, new Truth(fields[persona].strip(), Boolean.parseBoolean(fields[clone].strip()),
                        size.isEmpty() ? 0 : Integer.parseInt(size)));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("truth file " + file + " does not exist");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("truth file " + file + ": ring_size is not a number (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read truth file " + file + ": " + e.getMessage(), e);
        }
        return new TruthFile(byImei);
    }

    private static int column(Path file, List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("truth file " + file + " has no column '" + name
                    + "' (expected imei,persona,is_clone,ring_id,ring_size)");
        }
        return index;
    }

    /** The truth of an IMEI, or null when the file does not know it. */
    public Truth get(long imei) {
        return byImei.get(imei);
    }

    public int size() {
        return byImei.size();
    }

    /** Calls {@code action} for every IMEI in the file. */
    void forEach(java.util.function.BiConsumer<Long, Truth> action) {
        byImei.long2ObjectEntrySet().fastForEach(e -> action.accept(e.getLongKey(), e.getValue()));
    }
}
