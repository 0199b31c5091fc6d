package org.ceir.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The device models of the simulated world ({@code models.psv}) with their TACs, and weighted
 * pickers over them. The catalogue is the same for every seed, like the real GSMA catalogue: its
 * TACs come from a fixed generator, so a {@code tac.csv} can be reused across simulations.
 */
final class Catalogue {
    private static final String RESOURCE = "models.psv";
    private static final long TAC_SEED = 0x7AC_CA7A_1061EL;

    private final List<DeviceModel> models;
    private final Picker any;
    private final Picker dualImei;
    private final Picker oneImei;
    private final Picker imported;
    private final Picker cloneHardware;

    private Catalogue(List<DeviceModel> models) {
        this.models = List.copyOf(models);
        this.any = new Picker(this.models, m -> true);
        this.dualImei = new Picker(this.models, m -> m.slots() == DeviceModel.Slots.DUAL);
        this.oneImei = new Picker(this.models, m -> m.slots() == DeviceModel.Slots.DUAL_ONE_IMEI);
        // People import phones the duty is worth avoiding on: listed smartphones above $150.
        this.imported = new Picker(this.models, m -> m.listed() && m.smartphone() && m.priceUsd() > 150);
        // Cloned IMEIs are flashed onto cheap new smartphones, whatever the donor was.
        this.cloneHardware = new Picker(this.models, m -> m.smartphone() && m.generation() >= 4 && m.priceUsd() <= 300);
    }

    /** The built-in catalogue. */
    static Catalogue load() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Catalogue parse(BufferedReader reader) throws IOException {
        SplittableRandom random = new SplittableRandom(TAC_SEED);
        Set<Integer> taken = new HashSet<>();
        List<DeviceModel> models = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 13) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": 13 fields expected, found " + f.length);
            }
            int generation = Integer.parseInt(f[6]);
            double weight = Double.parseDouble(f[11]);
            int year = Integer.parseInt(f[9]);
            // 500,000 phones per TAC: two per weight unit lets the most popular model (6 of 87)
            // hold 6.5 million phones, enough for 50 million subscribers.
            int inUse = 1 + (int) (2 * weight);
            int spare = random.nextInt(3);
            int[] tacs = new int[inUse];
            int[] spareTacs = new int[spare];
            String[] dates = new String[inUse + spare];
            String prefix = reportingBody(f[1], random);
            for (int i = 0; i < inUse + spare; i++) {
                int tac;
                do {
                    tac = Integer.parseInt(prefix) * 1_000_000 + random.nextInt(1_000_000);
                } while (!taken.add(tac));
                if (i < inUse) {
                    tacs[i] = tac;
                } else {
                    spareTacs[i - inUse] = tac;
                }
                dates[i] = String.format("%04d-%02d-%02d", year + (i < inUse ? 0 : 1),
                        1 + random.nextInt(12), 1 + random.nextInt(28));
            }
            models.add(new DeviceModel(models.size(), f[0], f[1], f[2], f[3], f[4], f[5], generation,
                    DeviceModel.Slots.parse(f[7]), Integer.parseInt(f[8]), year, f[10], weight,
                    f[12].equals("yes"), tacs, spareTacs, dates));
        }
        return new Catalogue(models);
    }

    /** The first two TAC digits, the GSMA's Reporting Body: BABT (35) mostly, TAF (86) for Chinese brands. */
    private static String reportingBody(String brand, SplittableRandom random) {
        switch (brand) {
            case "Apple":
                return random.nextBoolean() ? "35" : "01";
            case "Redmi": case "Xiaomi": case "Honor": case "Huawei": case "Oppo": case "Vivo": case "Realme":
            case "OnePlus": case "ZTE": case "Tecno": case "Infinix": case "itel": case "Quectel": case "Gaode":
                return "86";
            default:
                return "35";
        }
    }

    List<DeviceModel> models() {
        return models;
    }

    DeviceModel model(int index) {
        return models.get(index);
    }

    /** Any model, by its share of the phones in use. */
    DeviceModel pickAny(SplittableRandom random) {
        return any.pick(random);
    }

    /** A dual-SIM model with an IMEI per slot. */
    DeviceModel pickDualImei(SplittableRandom random) {
        return dualImei.pick(random);
    }

    /** A cheap dual-SIM model with one IMEI for both slots. */
    DeviceModel pickOneImei(SplittableRandom random) {
        return oneImei.pick(random);
    }

    /** A phone someone imports during the period. */
    DeviceModel pickImported(SplittableRandom random) {
        return imported.pick(random);
    }

    /** The hardware a cloned IMEI is flashed onto. */
    DeviceModel pickCloneHardware(SplittableRandom random) {
        return cloneHardware.pick(random);
    }

    /** Weighted choice by cumulative weights and a binary search. */
    private static final class Picker {
        private final DeviceModel[] models;
        private final double[] cumulative;

        Picker(List<DeviceModel> all, Predicate<DeviceModel> filter) {
            List<DeviceModel> chosen = all.stream().filter(filter).toList();
            if (chosen.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " has no model for one of the simulator's needs");
            }
            models = chosen.toArray(new DeviceModel[0]);
            cumulative = new double[models.length];
            double sum = 0;
            for (int i = 0; i < models.length; i++) {
                sum += models[i].weight();
                cumulative[i] = sum;
            }
        }

        DeviceModel pick(SplittableRandom random) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] <= x) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return models[low];
        }
    }
}
