package org.ceir.eir;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for something the engine does on its own threads; a generous bound, never a timing assertion. */
final class Eventually {
    private static final long LIMIT_MILLIS = 60_000;

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("still not true after " + LIMIT_MILLIS / 1000 + " s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: " + what);
            }
        }
    }
}
