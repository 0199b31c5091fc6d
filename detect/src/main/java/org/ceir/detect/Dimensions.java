package org.ceir.detect;

import java.util.List;
import java.util.Map;

/** Builds dimensions from their configuration, by DIRBS's module names (and ceir's own). */
final class Dimensions {
    static final List<String> NAMES = List.of("duplicate_threshold", "duplicate_daily_avg", "concurrent_imsis",
            "interleaved_imsis", "multi_operator_same_day", "malformed_imei", "gsma_not_found",
            "not_on_registration_list", "stolen_list", "inconsistent_rat", "used_by_international_roamer");

    private Dimensions() {
    }

    /** @throws IllegalArgumentException naming the module and the parameter that is wrong */
    static Dimension create(String module, Map<String, Object> parameters) {
        Parameters p = new Parameters(module, parameters);
        Dimension dimension = switch (module) {
            case "duplicate_threshold" -> DuplicateThreshold.of(p);
            case "duplicate_daily_avg" -> DuplicateDailyAvg.of(p);
            case "concurrent_imsis" -> ConcurrentImsis.of(p);
            case "interleaved_imsis" -> InterleavedImsis.of(p);
            case "multi_operator_same_day" -> MultiOperatorSameDay.of(p);
            case "malformed_imei" -> new ReferenceDimensions.MalformedImei();
            case "gsma_not_found" -> new ReferenceDimensions.GsmaNotFound();
            case "not_on_registration_list" -> new ReferenceDimensions.NotOnRegistrationList();
            case "stolen_list" -> new ReferenceDimensions.StolenList();
            case "inconsistent_rat" -> new ReferenceDimensions.InconsistentRat();
            case "used_by_international_roamer" -> ReferenceDimensions.UsedByInternationalRoamer.of(p);
            default -> throw new IllegalArgumentException("unknown dimension module '" + module + "'; known: " + NAMES);
        };
        p.requireAllRead();
        return dimension;
    }
}
