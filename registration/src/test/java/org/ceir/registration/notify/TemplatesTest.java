package org.ceir.registration.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatesTest {
    private static final Templates TEMPLATES = Templates.shipped();

    @Test
    void template_everyLanguageUsesTheSamePlaceholders() {
        for (NoticeKind kind : NoticeKind.values()) {
            var english = Templates.placeholders(TEMPLATES.template(kind, "en"));
            for (String language : Templates.LANGUAGES) {
                assertThat(Templates.placeholders(TEMPLATES.template(kind, language)))
                        .as(kind + " in " + language).isEqualTo(english);
            }
        }
    }

    @Test
    void render_fillsPlaceholdersInAzerbaijani() {
        String text = TEMPLATES.render(NoticeKind.GRACE_FIRST, "az",
                Map.of("imei", "350000031234567", "last_day", "01.12.2026"));
        assertThat(text).contains("350000031234567").contains("01.12.2026").contains("qeydiyyatdan").doesNotContain("{");
    }

    @Test
    void render_missingValueIsAnError() {
        assertThatThrownBy(() -> TEMPLATES.render(NoticeKind.GRACE_REMINDER, "ru", Map.of("imei", "1")))
                .hasMessageContaining("needs {");
    }
}
