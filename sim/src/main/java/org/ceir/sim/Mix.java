package org.ceir.sim;

/**
 * Stateless hashing that turns (seed, stream, index) into random bits. Every per-row decision
 * (is this link active today, which radios, is this row dirty) is a hash of the link and the day,
 * not a draw from a shared generator, so a file's bytes depend only on the seed and never on which
 * thread wrote it or in what order.
 */
final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014): a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for item {@code a} on day {@code b} of the stream {@code seed}. */
    static long hash(long seed, long a, long b) {
        return mix(seed + a * GOLDEN + mix(b + 0x632BE59BD9B4E019L));
    }

    /** A seed for a named sub-stream, so streams of one simulation never share bits. */
    static long stream(long seed, long salt) {
        return mix(seed ^ mix(salt * GOLDEN));
    }
}
