package org.ceir.eir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ImeiTableProperties {

    /** Whatever keys and values are put, in whatever order, the table answers like a HashMap. */
    @Property
    void putAndGet_agreeWithAHashMap(@ForAll @Size(max = 2_000) List<@LongRange(min = 0, max = 99_999_999_999_999L) Long> keys,
                                     @ForAll @Size(max = 2_000) List<@LongRange(min = 0, max = 1_000) Long> values) {
        ImeiTable table = new ImeiTable(1);
        Map<Long, Long> model = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long value = values.isEmpty() ? i : values.get(i % values.size());
            table.put(keys.get(i), value);
            if (value != 0 || model.containsKey(keys.get(i))) {
                model.put(keys.get(i), value);
            }
        }
        for (Map.Entry<Long, Long> entry : model.entrySet()) {
            assertThat(table.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        assertThat(table.get(100_000_000_000_000L)).isZero();
    }
}
