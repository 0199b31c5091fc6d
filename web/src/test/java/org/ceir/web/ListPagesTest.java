package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ceir.core.country.Country;
import org.ceir.eir.EirSettings;
import org.ceir.lists.ListExporter;
import org.ceir.lists.ListsSettings;
import org.ceir.store.Operators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console pages of list exports and API keys. */
class ListPagesTest {
    @TempDir
    static Path temp;

    private static TestServer web;
    private static TestServer.Browser admin;
    private static TestServer.Browser operator;

    @BeforeAll
    static void start() {
        web = new TestServer();
        web.database.transaction(connection -> Operators.sync(connection, Country.azerbaijan()));
        web.user("lists-admin", Role.ADMIN);
        web.user("lists-operator", Role.OPERATOR);
        admin = web.browser();
        admin.login("lists-admin", TestServer.PASSWORD);
        operator = web.browser();
        operator.login("lists-operator", TestServer.PASSWORD);
        new ListExporter(web.database, EirSettings.defaults(), Country.azerbaijan(), ListsSettings.defaults(),
                temp.resolve("managed"), Clock.systemUTC())
                .export(new ListExporter.Request(temp.resolve("out"), Optional.empty(), "COMMAND", "test", false), l -> { });
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void lists_anOperatorsPersonSeesTheBlacklistAndOnlyTheirOwnLists() {
        HttpResponse<String> page = operator.get("/console/lists?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Run 1", "blacklist.csv", "notifications_azercell.csv")
                .doesNotContain("exceptions_bakcell.csv");
        assertThat(operator.get("/console/lists/1/files/exceptions_bakcell.csv").statusCode()).isEqualTo(403);
        HttpResponse<String> file = operator.get("/console/lists/1/files/blacklist.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("imei,block_date,reasons\n");
        assertThat(admin.get("/console/lists?lang=en").body()).contains("exceptions_bakcell.csv");
    }

    @Test
    void apikeys_anAdministratorMakesAKeySeesItOnceAndRevokesIt() {
        HttpResponse<String> made = admin.post("/console/apikeys",
                Map.of("_csrf", admin.csrf(), "operator", "nar", "label", "nar EIR"));

        assertThat(made.statusCode()).isEqualTo(201);
        Matcher secret = Pattern.compile("id=\"apikey-secret\">(ceir_([0-9a-f]{12})_[^<]+)<").matcher(made.body());
        assertThat(secret.find()).isTrue();
        assertThat(web.get("/api/v1/lists", "X-Api-Key", secret.group(1)).statusCode()).isEqualTo(200);
        String listed = admin.get("/console/apikeys").body();
        assertThat(listed).contains(secret.group(2)).doesNotContain(secret.group(1));

        long id = web.apiKeys.list().stream().filter(k -> k.prefix().equals(secret.group(2))).findFirst().orElseThrow().id();
        HttpResponse<String> revoked = admin.post("/console/apikeys/" + id + "/revoke",
                Map.of("_csrf", admin.csrf(), "reason", "test over"));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(admin.post("/console/apikeys", Map.of("_csrf", admin.csrf(), "operator", "nobody", "label", "x"))
                .statusCode()).isEqualTo(400);
    }
}
