package org.ceir.detect;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One dimension of a condition, as DIRBS configures it: the dimension's {@code module} name, its
 * {@code parameters} and whether it is inverted (matches the IMEIs the dimension does not).
 *
 * @param module     e.g. {@code duplicate_threshold}, {@code concurrent_imsis}
 * @param parameters the dimension's parameters by their DIRBS names, e.g. {@code period_days}
 * @param invert     (optional, false) true to match the IMEIs seen in the window that the dimension does not match
 */
public record DimensionConfig(@JsonProperty("module") String module,
                              @JsonProperty("parameters") Map<String, Object> parameters,
                              @JsonProperty("invert") Boolean invert) {
    public DimensionConfig {
        invert = invert != null && invert; // optional, as in DIRBS
        if (module == null || module.isBlank()) {
            throw new IllegalArgumentException("a dimension needs a module, one of " + Dimensions.NAMES);
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Dimensions.create(module, parameters); // validates, naming the parameter
    }

    /** A dimension with these parameters, not inverted. */
    public static DimensionConfig of(String module, Map<String, Object> parameters) {
        return new DimensionConfig(module, parameters, false);
    }

    @Override
    public String toString() {
        return (invert ? "NOT " : "") + module + parameters;
    }
}
