package org.ceir.web;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * At most {@code perMinute} requests a minute from one client address (a Bucket4j token bucket per
 * address, refilled smoothly), so that nobody harvests the register through the public check.
 * Buckets of quiet addresses are dropped after a few minutes, and at most {@value #MAX_CLIENTS} are
 * kept, so memory stays bounded however many addresses call.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final String problemDetailKey;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(MAX_CLIENTS)
            .build();

    /**
     * @param perMinute        requests allowed per minute and address
     * @param problemDetailKey the message explaining the refusal, with {0} for the seconds to wait
     */
    RateLimiter(int perMinute, String problemDetailKey) {
        this.perMinute = perMinute;
        this.problemDetailKey = problemDetailKey;
    }

    /**
     * Takes one request from {@code client}'s allowance.
     *
     * @throws Problem 429 with {@code Retry-After} when the allowance is spent
     */
    void acquire(String client, Language language, Messages messages) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new Problem(429, "rate-limited", messages.get(language, problemDetailKey, seconds),
                    Map.of("retryAfterSeconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
