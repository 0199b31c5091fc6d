package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.NOKIA;
import static org.ceir.web.RegistrationFixture.UNKNOWN_TAC;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/registrations} and {@code /api/v1/stolen-reports} with credentials on each request. */
class RegistrationApiTest {
    private static TestServer web;
    private static String clerk;
    private static String auditor;

    @BeforeAll
    static void start() {
        web = new TestServer();
        RegistrationFixture.seed(web);
        web.user("apiclerk", Role.CLERK);
        web.user("apiauditor", Role.AUDITOR);
        clerk = TestServer.basic("apiclerk", TestServer.PASSWORD);
        auditor = TestServer.basic("apiauditor", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static HttpResponse<String> post(String path, String json, String credentials) {
        return web.postBody(path, "application/json", json.getBytes(StandardCharsets.UTF_8), "Authorization", credentials,
                "Accept-Language", "en");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static String application(String fin, String... imeis) {
        return "{\"ownerId\":\"" + fin + "\",\"ownerName\":\"Elvin Babayev\",\"contactNumber\":\"+994501112233\","
                + "\"imeis\":[\"" + String.join("\",\"", imeis) + "\"],\"declaredPriceUsd\":\"750\"}";
    }

    @Test
    void register_payAndRead() throws Exception {
        HttpResponse<String> created = post("/api/v1/registrations", application("6API001", imei(IPHONE, 1),
                imei(IPHONE_SECOND_TAC, 1)), clerk);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode registration = json(created);
        String reference = registration.get("reference").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/registrations/" + reference);
        assertThat(registration.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(registration.get("ownerIdMasked").asText()).isEqualTo("*****01");
        assertThat(registration.get("duty").asText()).isEqualTo("70.00");
        assertThat(registration.get("quote").get("lines").get(2).get("code").asText()).isEqualTo("duty.bracket");
        assertThat(created.body()).doesNotContain("6API001");

        HttpResponse<String> paid = post("/api/v1/registrations/" + reference + "/payment", "{\"receipt\":\"R-77\"}", clerk);
        HttpResponse<String> again = post("/api/v1/registrations/" + reference + "/payment", "{\"receipt\":\"R-77\"}", clerk);
        assertThat(paid.statusCode()).isEqualTo(201);
        assertThat(json(paid).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("alreadyApplied").asBoolean()).isTrue();

        HttpResponse<String> read = web.get("/api/v1/registrations/" + reference, "Authorization", auditor);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode details = json(read);
        assertThat(details.get("payments").get(0).get("reference").asText()).isEqualTo("R-77");
        assertThat(details.get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("REGISTRATION_CREATED", "PAYMENT_RECEIVED", "REGISTRATION_ACTIVATED");
        assertThat(count(web, "change_log WHERE change = 'REGISTERED' AND imei = ?", key(IPHONE, 1))).isEqualTo(1);
    }

    @Test
    void register_refusedImeisAreListed() throws Exception {
        HttpResponse<String> response = post("/api/v1/registrations", application("6API002", imei(UNKNOWN_TAC, 2),
                "35000003000002"), clerk);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ceir:problem:refused");
        assertThat(problem.get("refusals")).extracting(r -> r.get("reason").asText()).containsExactly("TAC_UNKNOWN");
    }

    @Test
    void readers_mayNotWrite() {
        HttpResponse<String> response = post("/api/v1/registrations", application("6API003", imei(GALAXY, 3)), auditor);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count(web, "registration_imei WHERE imei = ?", key(GALAXY, 3))).isZero();
    }

    @Test
    void list_byStatusAndImei_andSearchByOwnerInTheBody() throws Exception {
        String reference = json(post("/api/v1/registrations", application("6API004", imei(NOKIA, 4)), clerk))
                .get("reference").asText();

        assertThat(web.get("/api/v1/registrations?status=PENDING_PAYMENT", "Authorization", auditor).body())
                .contains(reference);
        assertThat(web.get("/api/v1/registrations?status=ACTIVE", "Authorization", auditor).body()).doesNotContain(reference);
        assertThat(json(web.get("/api/v1/registrations?imei=" + imei(NOKIA, 4), "Authorization", auditor))
                .get("registrations")).hasSize(1);
        assertThat(web.get("/api/v1/registrations?status=PAID", "Authorization", auditor).statusCode()).isEqualTo(400);
        assertThat(web.get("/api/v1/registrations?limit=100000", "Authorization", auditor).statusCode()).isEqualTo(400);

        HttpResponse<String> found = post("/api/v1/registrations/search", "{\"ownerId\":\"6api004\"}", auditor);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get("registrations").get(0).get("reference").asText()).isEqualTo(reference);
        assertThat(count(web, "audit_log WHERE action = 'REGISTRATIONS_SEARCHED' AND actor = 'apiauditor'")).isEqualTo(1);
    }

    @Test
    void batch_csvBodyRegistersAllOrNothing() throws Exception {
        String csv = "imei,model,price\n" + imei(GALAXY, 500) + ",Galaxy A05s,120\n" + imei(GALAXY, 501) + ",Galaxy A05s,120\n";
        HttpResponse<String> created = web.postBody("/api/v1/registrations/batches?importer=Ganja%20Mobile&file=may.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8), "Authorization", clerk);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode batch = json(created);
        assertThat(batch.get("phones").asInt()).isEqualTo(2);
        assertThat(batch.get("duty").asText()).isEqualTo("40.00");
        assertThat(count(web, "import_job WHERE file_name = 'may.csv'")).isEqualTo(1);

        HttpResponse<String> refused = web.postBody("/api/v1/registrations/batches?importer=Ganja%20Mobile", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "Authorization", clerk);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("refusals")).extracting(r -> r.get("line").asInt()).containsExactly(2, 3);
        assertThat(web.postBody("/api/v1/registrations/batches", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "Authorization", clerk).statusCode()).isEqualTo(400);
    }

    @Test
    void stolen_reportReadAndRecover() throws Exception {
        HttpResponse<String> reported = post("/api/v1/stolen-reports", "{\"kind\":\"stolen\",\"imeis\":[\""
                + imei(GALAXY, 600) + "\"],\"policeReference\":\"POL-600\"}", clerk);

        assertThat(reported.statusCode()).isEqualTo(201);
        String reference = json(reported).get("reference").asText();
        assertThat(count(web, "device_status WHERE status = 'STOLEN' AND imei = ?", key(GALAXY, 600))).isEqualTo(1);
        JsonNode read = json(web.get("/api/v1/stolen-reports/" + reference, "Authorization", auditor));
        assertThat(read.get("policeReference").asText()).isEqualTo("POL-600");
        assertThat(read.get("reporter").asText()).isEqualTo("CLERK");

        HttpResponse<String> recovered = post("/api/v1/stolen-reports/" + reference + "/recovery",
                "{\"note\":\"phone and ID seen\"}", clerk);
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(json(recovered).has("recoveredAt")).isTrue();
        assertThat(post("/api/v1/stolen-reports/" + reference + "/recovery", "{}", clerk).statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/stolen-reports", "{\"kind\":\"gone\"}", clerk).statusCode()).isEqualTo(400);
        assertThat(web.get("/api/v1/stolen-reports/S-ZZZZZZZZ", "Authorization", auditor).statusCode()).isEqualTo(404);
    }

    @Test
    void badJsonAndUnknownReferences_areProblemDetails() throws Exception {
        HttpResponse<String> notJson = post("/api/v1/registrations", "ownerId=1", clerk);
        HttpResponse<String> unknown = web.get("/api/v1/registrations/R-ZZZZZZZZ", "Authorization", auditor);
        HttpResponse<String> unpayable = post("/api/v1/registrations/R-ZZZZZZZZ/payment", "{}", clerk);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("detail").asText()).isEqualTo("The body must be a JSON object.");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unpayable.statusCode()).isEqualTo(404);
        assertThat(unpayable.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("application/problem+json"));
    }
}
