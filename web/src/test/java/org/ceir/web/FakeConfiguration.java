package org.ceir.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.detect.ConditionConfig;
import org.ceir.detect.DetectSettings;
import org.ceir.detect.DimensionConfig;
import org.ceir.store.Database;
import org.ceir.store.SettingOverrides;

/**
 * The app's configuration as the web tests need it: the default clone condition (with room for the
 * few IMEIs of a test), {@code detect.conditions} tunable as JSON (which is YAML too), and the
 * overrides read from the test database, as the app's implementation reads them.
 */
final class FakeConfiguration implements ConsoleConfiguration {
    static final String CONDITIONS = "detect.conditions";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ConditionConfig CLONE = new ConditionConfig("clone", "IMEI copied onto other phones", true, true, 0,
            false, 1.0, List.of(DimensionConfig.of("concurrent_imsis",
                    Map.of("min_imsis", 3, "min_days", 2, "period_days", 90))));

    private final Database database;

    FakeConfiguration(Database database) {
        this.database = database;
    }

    private Optional<SettingOverrides.Version> override() {
        return Optional.ofNullable(database.transaction(SettingOverrides::current).get(CONDITIONS));
    }

    private List<ConditionConfig> conditions() {
        return override().map(v -> read(v.value().orElseThrow())).orElse(List.of(CLONE));
    }

    @Override
    public List<Setting> effective() {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("db.password", "(set, hidden)", "file /etc/ceir.yaml"));
        settings.add(new Setting("detect.window-days", "90", "built-in default"));
        settings.add(new Setting(CONDITIONS, write(conditions()), source()));
        return settings;
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(new Tunable(CONDITIONS, write(conditions()), source()));
    }

    private String source() {
        return override().map(v -> "console override, version " + v.version() + " by " + v.setBy())
                .orElse("built-in default");
    }

    @Override
    public String check(String path, String yaml) {
        if (!path.equals(CONDITIONS)) {
            throw new IllegalArgumentException(path + " cannot be changed here");
        }
        List<ConditionConfig> conditions = read(yaml);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException(path + ": the list is empty; it needs at least one entry");
        }
        return write(conditions);
    }

    @Override
    public DetectSettings detect() {
        return new DetectSettings(90, 30, 0, 50, conditions());
    }

    private static List<ConditionConfig> read(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            List<ConditionConfig> conditions = new ArrayList<>();
            for (JsonNode condition : node) {
                conditions.add(JSON.treeToValue(condition, ConditionConfig.class));
            }
            return conditions;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(CONDITIONS + ": " + cause.getMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
