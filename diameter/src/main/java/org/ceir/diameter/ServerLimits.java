package org.ceir.diameter;

import java.time.Duration;

/**
 * The time and size limits one connection lives under, worked out from {@link DiameterSettings}.
 * Tests build their own with short times (the settings hold Tw at RFC 3539's 6-second minimum).
 *
 * @param watchdog       Tw (RFC 3539 §3.4.1)
 * @param watchdogJitter Tw varies by up to this much either way, so that peers do not watch in step (RFC 3539: 2 s)
 * @param cerTimeout     time allowed for the CER
 * @param messageTimeout time allowed for a message to arrive whole
 * @param writeTimeout   time a peer may leave answers unread
 * @param disconnectWait time to wait for the DPA after sending a DPR on shutdown
 * @param maxMessageBytes the longest message accepted
 * @param maxConnections connections at once
 */
record ServerLimits(Duration watchdog, Duration watchdogJitter, Duration cerTimeout, Duration messageTimeout,
                    Duration writeTimeout, Duration disconnectWait, int maxMessageBytes, int maxConnections) {
    /**
     * Answers a peer may leave unread before the server stops reading from it: a few hundred
     * ECAs, enough to ride out a pause, small enough that a thousand stalled peers stay under
     * a few hundred MiB.
     */
    static final int WRITE_BUFFER_HIGH = 256 * 1024;
    static final int WRITE_BUFFER_LOW = 64 * 1024;

    static ServerLimits of(DiameterSettings settings) {
        return new ServerLimits(Duration.ofSeconds(settings.watchdogSeconds()), Duration.ofSeconds(2),
                Duration.ofSeconds(settings.cerTimeoutSeconds()), Duration.ofSeconds(settings.messageTimeoutSeconds()),
                Duration.ofSeconds(settings.writeTimeoutSeconds()), Duration.ofSeconds(2),
                settings.maxMessageBytes(), settings.maxConnections());
    }

    /** How often a connection looks at its clocks: a quarter of the shortest limit, between 10 ms and 1 s. */
    Duration tick() {
        long shortest = Math.min(Math.min(watchdog.toNanos(), cerTimeout.toNanos()),
                Math.min(messageTimeout.toNanos(), writeTimeout.toNanos()));
        return Duration.ofNanos(Math.max(Duration.ofMillis(10).toNanos(), Math.min(Duration.ofSeconds(1).toNanos(),
                shortest / 4)));
    }
}
