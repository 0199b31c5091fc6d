package org.ceir.sim;

import java.util.SplittableRandom;

/**
 * How many phones carry one cloned IMEI (the donor included): a discrete Pareto (Lomax)
 * distribution, {@code P(K ≥ k) = (1 + (k − 2) / 2)^−0.4} for k ≥ 2, truncated at a cap.
 *
 * <p>At the default cap of 800 the median ring has 11 phones and half the rings have 10 or fewer,
 * while a fifth have 100 or more and carry nine tenths of the cloned phones: the mean is about 120
 * phones, and with the SIM changes on copied phones about 128 numbers per cloned IMEI, the
 * article's figure (1,094,473 numbers on 8,574 IMEIs). Small countries get a lower cap so that one
 * ring cannot swallow the population.
 */
final class RingSizes {
    static final int LARGEST = 800;
    private static final double SHAPE = 0.4;
    private static final double SCALE = 2.0;

    private final int cap;

    RingSizes(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("ring size cap " + cap + ": at least 2 (a donor and one copy)");
        }
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** A ring size from 2 to the cap, by inversion and rejection above the cap. */
    int sample(SplittableRandom random) {
        while (true) {
            double u = 1.0 - random.nextDouble(); // (0, 1]
            double k = 2 + Math.floor(SCALE * (Math.pow(u, -1 / SHAPE) - 1));
            if (k <= cap) {
                return (int) k;
            }
        }
    }

    /** The exact mean of {@link #sample}. */
    double mean() {
        double total = 0;
        double weight = 0;
        for (int k = 2; k <= cap; k++) {
            double p = survival(k) - survival(k + 1);
            total += k * p;
            weight += p;
        }
        return total / weight;
    }

    private static double survival(int k) {
        return Math.pow(1 + (k - 2) / SCALE, -SHAPE);
    }
}
