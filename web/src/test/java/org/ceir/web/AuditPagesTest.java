package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Statement;
import java.util.Map;

import org.ceir.store.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log over HTTP: filters, paging, and the chain's verification (itself audited). */
class AuditPagesTest {
    static final String PHONE = "352099001761481";

    TestServer web;
    TestServer.Browser auditor;

    @BeforeEach
    void start() {
        web = new TestServer();
        web.user("auditor", Role.AUDITOR);
        auditor = web.browser();
        auditor.login("auditor", TestServer.PASSWORD);
        web.database.transaction(connection -> {
            AuditLog.append(connection, "bob", "STATUS_SET", "imei:35209900176148", null, "{\"status\":\"STOLEN\"}",
                    "reported at the police station");
            AuditLog.append(connection, "alice", "CASE_CONFIRMED", "imei:49015420323751", null, null, "four phones");
            return null;
        });
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void list_filtersBySubjectActorAndAction() {
        String bySubject = auditor.get("/console/audit?subject=" + PHONE + "&lang=en").body();
        String byActor = auditor.get("/console/audit?actor=alice&lang=en").body();
        String byAction = auditor.get("/console/audit?action=STATUS_SET&lang=en").body();
        String none = auditor.get("/console/audit?actor=nobody&lang=en").body();

        assertThat(bySubject).contains("reported at the police station", "value=\"imei:35209900176148\"")
                .doesNotContain("four phones");
        assertThat(byActor).contains("four phones").doesNotContain("reported at the police station");
        assertThat(byAction).contains("reported at the police station", "<option value=\"STATUS_SET\" selected")
                .doesNotContain("four phones");
        assertThat(none).contains("id=\"no-entries\"");
    }

    @Test
    void list_ofOneDayHasItsEntriesAndABadDayIsExplained() {
        String today = java.time.LocalDate.now().toString();

        String day = auditor.get("/console/audit?from=" + today + "&to=" + today + "&lang=en").body();
        String yearAgo = auditor.get("/console/audit?to=2000-01-01&lang=en").body();
        HttpResponse<String> bad = auditor.get("/console/audit?from=monday&lang=en");

        assertThat(day).contains("four phones", "reported at the police station");
        assertThat(yearAgo).contains("id=\"no-entries\"");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The filter \"from\" cannot be \"monday\": expected YYYY-MM-DD.");
    }

    @Test
    void list_pagesOlderEntries() {
        web.database.transaction(connection -> {
            for (int i = 0; i < AuditPages.PAGE_SIZE + 5; i++) {
                AuditLog.append(connection, "loader", "LOADED", "row:" + i, null, null, null);
            }
            return null;
        });

        String first = auditor.get("/console/audit?actor=loader&lang=en").body();
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"(/console/audit\\?[^\"]+)\" rel=\"next\"")
                .matcher(first);

        assertThat(first).contains("row:" + (AuditPages.PAGE_SIZE + 4), "row:5").doesNotContain("row:4<");
        assertThat(older.find()).isTrue();
        String second = auditor.get(older.group(1).replace("&amp;", "&")).body();
        assertThat(second).contains("row:4<", "row:0<").doesNotContain("row:5<", "rel=\"next\"");
    }

    @Test
    void verify_recordsWhoCheckedAndShowsAnIntactChain() {
        HttpResponse<String> verified = auditor.post("/console/audit/verify", Map.of("_csrf", auditor.csrf()));

        assertThat(verified.statusCode()).isEqualTo(303);
        String location = verified.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/console/audit?verified=");
        String page = auditor.get(location.replace("#verification", "") + "&lang=en").body();
        assertThat(page).contains("data-intact=\"true\"", "The chain holds", "Checked by auditor");
        assertThat(ConsoleData.count(web, "SELECT count(*) FROM audit_log WHERE action = 'AUDIT_VERIFIED'"
                + " AND actor = 'auditor' AND subject = 'audit_log'")).isEqualTo(1);
    }

    @Test
    void verify_namesTheFirstEntryChangedAfterItWasWritten() {
        long altered = web.database.transaction(connection -> {
            try (Statement change = connection.createStatement()) {
                change.executeUpdate("UPDATE audit_log SET reason = 'no reason' WHERE actor = 'bob'");
            }
            return AuditLog.find(connection, AuditLog.Query.newest(10)).stream()
                    .filter(e -> e.actor().equals("bob")).findFirst().orElseThrow().id();
        });

        String location = auditor.post("/console/audit/verify", Map.of("_csrf", auditor.csrf())).headers()
                .firstValue("Location").orElseThrow();
        String page = auditor.get(location.replace("#verification", "") + "&lang=en").body();

        assertThat(page).contains("data-intact=\"false\"", "The chain is broken",
                "entry " + altered + " (STATUS_SET on imei:35209900176148) was changed after it was written");
    }
}
