package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceir.web.RegistrationFixture.GALAXY;
import static org.ceir.web.RegistrationFixture.IPHONE;
import static org.ceir.web.RegistrationFixture.IPHONE_SECOND_TAC;
import static org.ceir.web.RegistrationFixture.count;
import static org.ceir.web.RegistrationFixture.imei;
import static org.ceir.web.RegistrationFixture.key;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceir.registration.Payments;
import org.ceir.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/payments} as a payment provider calls it: signed, retried, sometimes wrong. */
class PaymentApiTest {
    private static TestServer web;
    private static int serial = 1;

    @BeforeAll
    static void start() {
        web = RegistrationFixture.server();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** A pending registration of a Galaxy A05s (30 AZN due). */
    private static String pending() {
        int n = serial++;
        return web.registration.registrations().registerPhone(new Registrations.PhoneApplication("7PAY" + String.format("%03d", n),
                "Rəşad Əliyev", "055 111 22 33", "", List.of(imei(GALAXY, n)), new BigDecimal("140")), "clerk").reference();
    }

    private static byte[] notice(String payment, String registration, String amount) {
        return ("{\"reference\":\"" + payment + "\",\"registration\":\"" + registration + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"AZN\",\"paid_at\":\"2026-05-12T10:15:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(byte[] body, String signature) {
        return signature == null ? web.postBody("/api/v1/payments", "application/json", body)
                : web.postBody("/api/v1/payments", "application/json", body, Payments.SIGNATURE_HEADER, signature);
    }

    private static HttpResponse<String> signed(byte[] body) {
        return post(body, Payments.signatureOf(TestServer.PAYMENT_SECRET, body));
    }

    @Test
    void signedPayment_activatesTheRegistrationForTheChecks() throws Exception {
        String reference = web.registration.registrations().registerPhone(new Registrations.PhoneApplication("7PAY900",
                "Rəşad Əliyev", "055 111 22 33", "", List.of(imei(IPHONE, 900), imei(IPHONE_SECOND_TAC, 900)),
                new BigDecimal("900")), "clerk").reference();

        HttpResponse<String> response = signed(notice("TX-900", reference, "70.00"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.get("alreadyApplied").asBoolean()).isFalse();
        assertThat(count(web, "change_log WHERE change = 'REGISTERED' AND imei IN (?, ?)", key(IPHONE, 900),
                key(IPHONE_SECOND_TAC, 900))).isEqualTo(2);
        assertThat(count(web, "payment WHERE reference = 'TX-900' AND channel = 'PROVIDER' AND received_by LIKE"
                + " 'payment provider at %'")).isEqualTo(1);
    }

    @Test
    void samePaymentAgain_isAppliedOnce() throws Exception {
        String reference = pending();
        byte[] body = notice("TX-1", reference, "30.00");

        HttpResponse<String> first = signed(body);
        HttpResponse<String> again = signed(body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).get("alreadyApplied").asBoolean()).isTrue();
        assertThat(count(web, "payment WHERE reference = 'TX-1'")).isEqualTo(1);
        assertThat(count(web, "audit_log WHERE action = 'PAYMENT_RECEIVED' AND subject = ?", "registration:" + reference))
                .isEqualTo(1);
    }

    @Test
    void samePaymentReferenceForAnotherRegistration_isAConflict() throws Exception {
        signed(notice("TX-2", pending(), "30.00"));
        String other = pending();

        HttpResponse<String> response = signed(notice("TX-2", other, "30.00"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(response.body()).get("type").asText()).isEqualTo("urn:ceir:problem:conflict");
        assertThat(web.registration.registrations().find(other).orElseThrow().status()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void wrongAmount_isRefusedAndChangesNothing() throws Exception {
        String reference = pending();

        HttpResponse<String> response = signed(notice("TX-3", reference, "29.99"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:ceir:problem:refused");
        assertThat(problem.get("detail").asText()).contains("amount 29.99 AZN does not match the duty of " + reference
                + ", 30.00 AZN");
        assertThat(count(web, "payment WHERE reference = 'TX-3'")).isZero();
        assertThat(web.registration.registrations().find(reference).orElseThrow().status()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void badSignature_isForbidden() throws Exception {
        String reference = pending();
        byte[] body = notice("TX-4", reference, "30.00");
        byte[] tampered = notice("TX-4", reference, "3.00");

        HttpResponse<String> unsigned = post(body, null);
        HttpResponse<String> wrongKey = post(body, Payments.signatureOf("another-secret-of-some-length", body));
        HttpResponse<String> otherBody = post(tampered, Payments.signatureOf(TestServer.PAYMENT_SECRET, body));
        HttpResponse<String> notHex = post(body, "sha256=zz");

        for (HttpResponse<String> response : List.of(unsigned, wrongKey, otherBody, notHex)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Json.MAPPER.readTree(response.body()).get("type").asText()).isEqualTo("urn:ceir:problem:forbidden");
        }
        assertThat(Json.MAPPER.readTree(unsigned.body()).get("detail").asText()).contains("X-Ceir-Signature");
        assertThat(count(web, "payment WHERE reference = 'TX-4'")).isZero();
    }

    @Test
    void unknownRegistrationAndBadBody_areProblems() throws Exception {
        HttpResponse<String> unknown = signed(notice("TX-5", "R-ZZZZZZZZ", "30.00"));
        HttpResponse<String> notJson = signed("amount=30".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noAmount = signed(("{\"reference\":\"TX-6\",\"registration\":\"" + pending()
                + "\",\"currency\":\"AZN\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(notJson.body()).get("detail").asText()).contains("not JSON");
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(noAmount.body()).get("detail").asText()).contains("'amount'");
    }

    @Test
    void sessionCookiesGiveNoWayIn() {
        web.user("payclerk", Role.CLERK);
        TestServer.Browser clerk = web.browser();
        clerk.login("payclerk", TestServer.PASSWORD);
        byte[] body = notice("TX-7", pending(), "30.00");

        HttpResponse<String> response = web.postBody("/api/v1/payments", "application/json", body, "Cookie",
                String.join("; ", clerk.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                Csrf.HEADER, clerk.csrf());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void notices_areLimitedPerProviderAddress() {
        try (TestServer limited = new TestServer(WebSettings.defaults().withFormLimits(30, 2))) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            String signature = Payments.signatureOf(TestServer.PAYMENT_SECRET, body);
            limited.postBody("/api/v1/payments", "application/json", body, Payments.SIGNATURE_HEADER, signature);
            limited.postBody("/api/v1/payments", "application/json", body, Payments.SIGNATURE_HEADER, signature);

            HttpResponse<String> third = limited.postBody("/api/v1/payments", "application/json", body,
                    Payments.SIGNATURE_HEADER, signature);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .contains("application/problem+json"));
        }
    }
}
