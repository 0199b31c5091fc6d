package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings page: the configuration in force with its sources, and versioned, audited overrides. */
class SettingsPagesTest {
    static final String PATH = FakeConfiguration.CONDITIONS;
    /** The default condition with a stricter count: four SIMs at once instead of three. */
    static final String STRICTER = json(FakeConfiguration.CLONE).replace("\"min_imsis\":3", "\"min_imsis\":4");

    TestServer web;
    TestServer.Browser admin;
    TestServer.Browser auditor;

    @BeforeEach
    void start() {
        web = new TestServer();
        web.user("admin", Role.ADMIN);
        web.user("auditor", Role.AUDITOR);
        admin = web.browser();
        admin.login("admin", TestServer.PASSWORD);
        auditor = web.browser();
        auditor.login("auditor", TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void show_listsEverySettingWithWhereItCameFrom() {
        String page = auditor.get("/console/settings?lang=en").body();

        assertThat(page).contains("<code>db.password</code>", "(set, hidden)", "file /etc/ceir.yaml",
                "<code>detect.window-days</code>", "built-in default", "id=\"t-detect-conditions-value\"");
        assertThat(page).as("an auditor reads, never edits").doesNotContain("id=\"t-detect-conditions-yaml\"");
        assertThat(admin.get("/console/settings?lang=en").body()).contains("id=\"t-detect-conditions-yaml\"",
                "name=\"version\" value=\"0\"");
    }

    @Test
    void save_keepsANewVersionWithWhoAndWhyAuditedAndInForce() {
        HttpResponse<String> saved = save("0", STRICTER, "ring phones share four SIMs in the 2026 data");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/console/settings?done=" + PATH + "#t-detect-conditions");
        String page = auditor.get("/console/settings?lang=en").body();
        assertThat(page).contains("console override, version 1 by admin", "id=\"t-detect-conditions-history\"",
                "ring phones share four SIMs in the 2026 data", "1 versions, newest first");
        assertThat(web.console.configuration().detect().conditions().get(0).dimensions().get(0).parameters())
                .containsEntry("min_imsis", 4);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM audit_log WHERE action = 'SETTING_OVERRIDDEN'"
                + " AND subject = 'setting:detect.conditions' AND actor = 'admin'"
                + " AND reason = 'ring phones share four SIMs in the 2026 data'")).isEqualTo(1);
    }

    @Test
    void save_withoutAReasonOrWithABadValueIsRefusedAndTheTextKept() {
        HttpResponse<String> noReason = save("0", STRICTER, " ");
        HttpResponse<String> bad = save("0", "[]", "try an empty list");
        HttpResponse<String> broken = save("0", "[{\"label\": ", "half a value");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give a reason", "\"min_imsis\":4");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"t-detect-conditions-error\"",
                "This value cannot be used: detect.conditions: the list is empty");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM setting_override")).isZero();
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM audit_log WHERE action LIKE 'SETTING_%'")).isZero();
    }

    @Test
    void save_basedOnAnOlderVersionIsAConflictThatNamesTheNewerOne() {
        save("0", STRICTER, "first change");

        HttpResponse<String> stale = save("0", STRICTER.replace("\"min_imsis\":4", "\"min_imsis\":5"), "second change");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this setting meanwhile: version 1 by admin", "\"min_imsis\":5");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM setting_override")).isEqualTo(1);
    }

    @Test
    void restore_putsTheConfiguredValueBackAsANewVersion() {
        save("0", STRICTER, "stricter for a trial");

        HttpResponse<String> restored = admin.post("/console/settings/" + PATH + "/restore",
                Map.of("_csrf", admin.csrf(), "version", "1", "reason", "the trial is over"));
        HttpResponse<String> again = admin.post("/console/settings/" + PATH + "/restore?lang=en",
                Map.of("_csrf", admin.csrf(), "version", "2", "reason", "once more"));

        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(web.console.configuration().detect().conditions()).containsExactly(FakeConfiguration.CLONE);
        assertThat(auditor.get("/console/settings?lang=en").body()).contains("restored the configured value",
                "the trial is over", "2 versions, newest first");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM audit_log WHERE action = 'SETTING_RESTORED'"
                + " AND reason = 'the trial is over'")).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("There is no override to remove");
    }

    @Test
    void save_ofASettingThatIsNotTunableIsNotFound() {
        HttpResponse<String> response = admin.post("/console/settings/db.password",
                Map.of("_csrf", admin.csrf(), "version", "0", "yaml", "secret", "reason", "why not"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static String json(Object condition) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.List.of(condition));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> save(String version, String yaml, String reason) {
        return admin.post("/console/settings/" + PATH + "?lang=en",
                Map.of("_csrf", admin.csrf(), "version", version, "yaml", yaml, "reason", reason));
    }
}
