package org.ceir.sim;

import java.util.SplittableRandom;

/**
 * How many phones carry one cloned IMEI (the donor included): a discrete Lomax (Pareto II) body,
 * {@code P(K ≥ k) = (1 + (k − 2) / 1.5)^−0.35} for k ≥ 2, whose tail beyond the cap is spread
 * evenly over the top half, [cap/2, cap]: the mass-flashing operations that saturate.
 *
 * <p>At the default cap of 800 half the rings have 11 phones or fewer and seven in ten have at
 * most 50, while the fifth above 100 carry most cloned phones: the mean is about 114 phones, and
 * with one copy in ten changing SIM during the period about 125 numbers per cloned IMEI, near the
 * article's 128 (1,094,473 numbers on 8,574 IMEIs). Small countries get a lower cap so that one
 * ring cannot swallow the population.
 */
final class RingSizes {
    static final int LARGEST = 800;
    private static final double SHAPE = 0.35;
    private static final double SCALE = 1.5;

    private final int cap;
    private final int foldFrom;

    RingSizes(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("ring size cap " + cap + ": at least 2 (a donor and one copy)");
        }
        this.cap = cap;
        this.foldFrom = Math.max(2, cap / 2);
    }

    int cap() {
        return cap;
    }

    /** A ring size from 2 to the cap; StrictMath, so the same draw gives the same size on every JVM. */
    int sample(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        double k = 2 + Math.floor(SCALE * (StrictMath.pow(u, -1 / SHAPE) - 1));
        if (k <= cap) {
            return (int) k;
        }
        return foldFrom + random.nextInt(cap - foldFrom + 1);
    }

    /** The exact mean of {@link #sample}. */
    double mean() {
        double total = 0;
        for (int k = 2; k <= cap; k++) {
            total += k * (survival(k) - survival(k + 1));
        }
        return total + survival(cap + 1) * (foldFrom + cap) / 2.0;
    }

    private static double survival(int k) {
        return Math.pow(1 + (k - 2) / SCALE, -SHAPE);
    }
}
