package org.ceir.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.ceir.detect.ConditionConfig;
import org.ceir.store.SettingOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's layer: where each value came from, checking an override, and overrides in force. */
class TunedSettingsTest {
    private static final String STRICTER = """
            - label: clone
              reason: IMEI copied onto other phones
              clone: true
              blocking: true
              max_allowed_matching_ratio: 0.05
              dimensions:
                - module: concurrent_imsis
                  parameters: { min_imsis: 4, min_days: 3, period_days: 90 }
            """;

    @TempDir
    Path dir;

    @Test
    void entries_nameTheLayerEachValueCameFromAndHideSecrets() throws Exception {
        Path file = Files.writeString(dir.resolve("ceir.yaml"), "db:\n  pool-size: 4\n  password: hunter2hunter2\n");
        Settings settings = Settings.load(Optional.of(file), Map.of("CEIR_WEB_PORT", "9090"),
                Map.of("db.url", "jdbc:postgresql://db/ceir?user=ceir&password=s3cret"));

        Map<String, Settings.Entry> entries = new java.util.HashMap<>();
        settings.entries().forEach(e -> entries.put(e.path(), e));

        assertThat(entries.get("db.pool-size").source()).isEqualTo("file " + file);
        assertThat(entries.get("web.port").source()).isEqualTo("environment variable CEIR_WEB_PORT");
        assertThat(entries.get("db.url").source()).isEqualTo("command line");
        assertThat(entries.get("db.url").value()).isEqualTo("jdbc:postgresql://db/ceir?user=ceir&password=(hidden)");
        assertThat(entries.get("db.password").value()).isEqualTo("(set, hidden)");
        assertThat(entries.get("detect.window-days").source()).startsWith("built-in default");
        assertThat(entries.get("detect.conditions").value()).startsWith("[{\"label\":\"clone\"");
        assertThat(entries.get("registration.payment-secret").value()).isEmpty();
    }

    @Test
    void check_bindsTheSectionAsTheModuleWillAndReturnsJson() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), Map.of());

        String json = settings.check("detect.conditions", STRICTER);

        assertThat(json).startsWith("[{\"label\":\"clone\",\"reason\":\"IMEI copied onto other phones\"")
                .contains("\"min_imsis\":4");
        assertThatThrownBy(() -> settings.check("detect.conditions", STRICTER.replace("min_imsis: 4", "min_imsis: 0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("min_imsis");
        assertThatThrownBy(() -> settings.check("detect.conditions", "label: clone"))
                .hasMessage("detect.conditions: expected a list (- …), found a mapping (key: value)");
        assertThatThrownBy(() -> settings.check("detect.conditions", "[]"))
                .hasMessage("detect.conditions: the list is empty; it needs at least one entry");
        assertThatThrownBy(() -> settings.check("detect.conditions", "- label: [unclosed"))
                .hasMessageStartingWith("detect.conditions: not valid YAML");
        assertThatThrownBy(() -> settings.check("db.url", "jdbc:x"))
                .hasMessage("db.url cannot be changed here; these can: detect.conditions, registration.tariffs");
        assertThatThrownBy(() -> settings.check("registration.tariffs", "- id: X\n  effective-from: \"2026-13-01\"\n"))
                .hasMessageStartingWith("setting registration");
    }

    @Test
    void withOverrides_theStoredVersionWinsAndSaysWhoSetIt() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), Map.of());
        String json = settings.check("detect.conditions", STRICTER);
        SettingOverrides.Version version = new SettingOverrides.Version(7, "detect.conditions", 3, Optional.of(json),
                "fewer false alarms", "aysel", Instant.parse("2026-05-01T10:00:00Z"));

        Settings tuned = settings.withOverrides(Map.of("detect.conditions", version));

        ConditionConfig clone = tuned.detect().conditions().get(0);
        assertThat(clone.dimensions().get(0).parameters()).containsEntry("min_imsis", 4);
        assertThat(settings.detect().conditions().get(0).dimensions().get(0).parameters()).containsEntry("min_imsis", 3);
        assertThat(tuned.source("detect.conditions"))
                .isEqualTo("console override, version 3 by aysel on 2026-05-01: fewer false alarms");
        assertThat(tuned.yaml("detect.conditions")).contains("min_imsis: 4").doesNotStartWith("---");
        assertThat(tuned.source("detect.window-days")).startsWith("built-in default");
    }

    @Test
    void withOverrides_aStoredValueThatNoLongerFitsIsNamed() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), Map.of());
        SettingOverrides.Version broken = new SettingOverrides.Version(8, "detect.conditions", 4,
                Optional.of("[{\"label\":\"clone\"}]"), "old release", "rauf", Instant.parse("2026-05-02T10:00:00Z"));

        assertThatThrownBy(() -> settings.withOverrides(Map.of("detect.conditions", broken)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max_allowed_matching_ratio is required")
                .hasMessageContaining("console's settings page");
    }
}
