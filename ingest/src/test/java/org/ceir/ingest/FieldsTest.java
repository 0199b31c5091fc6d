package org.ceir.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldsTest {
    private static List<String> split(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Fields fields = new Fields(',');
        int n = fields.split(bytes, 0, bytes.length);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(fields.text(i));
        }
        return out;
    }

    @Test
    void split_plainFields_keepsEmptyOnesAndTrimsSpaces() {
        assertThat(split("20240501, 352099001761481 ,,")).containsExactly("20240501", "352099001761481", "", "");
    }

    @Test
    void split_quotedFieldWithDelimiterAndDoubledQuotes_isOneField() {
        assertThat(split("86555788903638,\"GSM,WCDMA,LTE\",\"6.1\"\" screen\",x"))
                .containsExactly("86555788903638", "GSM,WCDMA,LTE", "6.1\" screen", "x");
    }

    @Test
    void split_emptyLine_isOneEmptyField() {
        assertThat(split("")).containsExactly("");
    }
}
