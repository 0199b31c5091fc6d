package org.ceir.core.check;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the checks can be trusted right now, for a health page and the operators' monitoring.
 *
 * @param status      UP, or DEGRADED while answers come from a snapshot that may be out of date
 * @param detail      one line for people: what the engine holds and, when degraded, why
 * @param currentAsOf the moment up to which every committed change is known to be in the answers,
 *                    when the implementation tracks one
 */
public record CheckHealth(Status status, String detail, Optional<Instant> currentAsOf) {

    /** How far the answers can be trusted. */
    public enum Status {
        /** Answers reflect the register within the engine's usual delay (about a second). */
        UP,
        /** Answers come from the last snapshot: changes made since may not be reflected yet. */
        DEGRADED
    }

    public CheckHealth {
        if (status == null || detail == null || currentAsOf == null) {
            throw new IllegalArgumentException("a health needs a status, a detail and an optional moment");
        }
    }

    /** Healthy, with a detail for people. */
    public static CheckHealth up(String detail) {
        return new CheckHealth(Status.UP, detail, Optional.empty());
    }
}
