package org.ceir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingOverridesTest {
    private static final String CONDITIONS = "detect.conditions";

    private Database database;

    @BeforeEach
    void start() {
        database = TestDatabase.create();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void save_newestVersionIsInForceAndAudited() {
        database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[{\"label\":\"clone\"}]", 0, "aysel", "ring sizes"));
        database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[{\"label\":\"clone2\"}]", 1, "rauf", "tighter"));

        SettingOverrides.Version current = database.transaction(SettingOverrides::current).get(CONDITIONS);
        List<AuditLog.Entry> audit = database.transaction(c -> AuditLog.find(c,
                AuditLog.Query.newest(10).withSubject("setting:" + CONDITIONS)));

        assertThat(current.version()).isEqualTo(2);
        assertThat(current.value()).contains("[{\"label\":\"clone2\"}]");
        assertThat(current.setBy()).isEqualTo("rauf");
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly("SETTING_OVERRIDDEN", "SETTING_OVERRIDDEN");
        assertThat(audit.get(0).before()).isEqualTo("[{\"label\":\"clone\"}]");
        assertThat(audit.get(0).after()).isEqualTo("[{\"label\":\"clone2\"}]");
        assertThat(audit.get(0).reason()).isEqualTo("tighter");
        assertThat(database.transaction(AuditLog::verify).intact()).isTrue();
    }

    @Test
    void save_restoringLeavesNoOverrideButKeepsTheHistory() {
        database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[]", 0, "aysel", "try"));
        database.transaction(c -> SettingOverrides.save(c, CONDITIONS, null, 1, "aysel", "back to the release's"));

        assertThat(database.transaction(SettingOverrides::current)).isEmpty();
        List<SettingOverrides.Version> history = database.transaction(c -> SettingOverrides.history(c, CONDITIONS));
        assertThat(history).extracting(SettingOverrides.Version::version).containsExactly(2, 1);
        assertThat(history.get(0).restores()).isTrue();
        List<AuditLog.Entry> newest = database.transaction(c -> AuditLog.find(c, AuditLog.Query.newest(1)));
        assertThat(newest.get(0).action()).isEqualTo("SETTING_RESTORED");
    }

    @Test
    void save_basedOnAnOlderVersionIsRefusedNamingWhoChangedIt() {
        database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[]", 0, "aysel", "first"));

        assertThatThrownBy(() -> database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[1]", 0, "rauf", "mine")))
                .isInstanceOf(SettingOverrides.ConflictException.class)
                .hasMessageContaining("version 1 was set by aysel");
        int newest = database.transaction(c -> SettingOverrides.newestVersion(c, CONDITIONS));
        assertThat(newest).isEqualTo(1);
    }

    @Test
    void save_withoutReasonOrWithNothingToRestoreWritesNothing() {
        assertThatThrownBy(() -> database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "[]", 0, "aysel", " ")))
                .hasMessage("give a reason for changing detect.conditions: it is audited");
        assertThatThrownBy(() -> database.transaction(c -> SettingOverrides.save(c, CONDITIONS, null, 0, "aysel", "x")))
                .hasMessageContaining("has no override to remove");
        List<SettingOverrides.Version> history = database.transaction(c -> SettingOverrides.history(c, CONDITIONS));
        List<AuditLog.Entry> audit = database.transaction(c -> AuditLog.find(c, AuditLog.Query.newest(5)));
        assertThat(history).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void save_refusesAValueThatIsNotJson() {
        assertThatThrownBy(() -> database.transaction(c -> SettingOverrides.save(c, CONDITIONS, "{not json", 0, "a", "b"))
                ).isInstanceOf(StoreException.class);
        Map<String, SettingOverrides.Version> current = database.transaction(SettingOverrides::current);
        assertThat(current).isEmpty();
    }
}
