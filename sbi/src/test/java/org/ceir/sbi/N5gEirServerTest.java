package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ceir.core.check.Outcome;
import org.ceir.core.status.EquipmentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server through a real h2c connection; every answer is checked against 3GPP's OpenAPI files. */
class N5gEirServerTest {
    static final String REGISTERED = "352099001761481";
    static final String STOLEN = "490154203237518";
    static final String UNKNOWN = "356938035643809";
    static final String CLONE = "353456789012347";
    static final String PAIRED_IMSI = "400011234567890";

    private static final FakeCheck CHECK = new FakeCheck()
            .with(REGISTERED, Outcome.WHITELISTED)
            .with(STOLEN, Outcome.BLACKLISTED)
            .with(UNKNOWN, Outcome.UNKNOWN)
            .clone(CLONE, PAIRED_IMSI);
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static N5gEirContract contract;
    private static N5gEirServer server;
    private static N5gEirClient client;
    private static int port;

    @BeforeAll
    static void start() {
        contract = N5gEirContract.load();
        server = new N5gEirServer(SbiSettings.defaults("127.0.0.1", 0), CHECK, METERS);
        port = server.start();
        client = new N5gEirClient("127.0.0.1", port);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** A raw request, its answer checked against the contract. */
    static N5gEirClient.RawResponse exchange(N5gEirClient client, String method, String path, byte[] body)
            throws Exception {
        N5gEirClient.RawResponse response = client.exchange(method, path, body).get(10, TimeUnit.SECONDS);
        if (!"HEAD".equals(method)) {
            contract.check(response);
        }
        return response;
    }

    private static N5gEirClient.RawResponse get(String pathAndQuery) throws Exception {
        return exchange(client, "GET", pathAndQuery, null);
    }

    private static N5gEirAnswer status(String pei, String supi, String gpsi) throws Exception {
        N5gEirClient.RawResponse raw = get(N5gEirClient.path(pei, supi, gpsi));
        N5gEirAnswer answer = client.status(pei, supi, gpsi);
        assertThat(answer.httpStatus()).isEqualTo(raw.status());
        return answer;
    }

    private static ProblemDetails problem(N5gEirClient.RawResponse response) throws Exception {
        return SbiJson.readProblem(response.body(), response.status());
    }

    @Test
    void status_eachOutcomeIsItsEquipmentStatus() throws Exception {
        assertThat(status("imei-" + REGISTERED, null, null).status()).contains(EquipmentStatus.WHITELISTED);
        assertThat(status("imei-" + STOLEN, null, null).status()).contains(EquipmentStatus.BLACKLISTED);
        assertThat(status("imei-352099001761499", null, null).status()).contains(EquipmentStatus.GREYLISTED);
    }

    @Test
    void status_bodyIsEirResponseData() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.text()).isEqualTo("{\"status\":\"WHITELISTED\"}");
        assertThat(response.headers().getInt("content-length")).isEqualTo(response.body().length);
    }

    @Test
    void status_theCheckGetsTheDigitsAndAnUnknownOperator() throws Exception {
        status("imei-" + REGISTERED, "imsi-" + PAIRED_IMSI, "msisdn-994501234567");
        assertThat(CHECK.last()).isEqualTo(new FakeCheck.Asked(REGISTERED, PAIRED_IMSI, "994501234567", null));
        status("imeisv-3520990017614801", null, null);
        assertThat(CHECK.last()).isEqualTo(new FakeCheck.Asked("3520990017614801", null, null, null));
    }

    @Test
    void status_cloneAllowsOnlyItsPairedSim() throws Exception {
        assertThat(status("imei-" + CLONE, "imsi-" + PAIRED_IMSI, null).status()).contains(EquipmentStatus.WHITELISTED);
        assertThat(status("imei-" + CLONE, "imsi-400021111111111", null).status())
                .contains(EquipmentStatus.BLACKLISTED);
        assertThat(status("imei-" + CLONE, null, null).status()).contains(EquipmentStatus.BLACKLISTED);
    }

    @Test
    void status_clientGivesBareValuesTheirPrefixes() throws Exception {
        N5gEirAnswer answer = client.status(REGISTERED.substring(0, 14), PAIRED_IMSI, "+994501234567");
        assertThat(answer.status()).contains(EquipmentStatus.WHITELISTED);
        assertThat(CHECK.last()).isEqualTo(new FakeCheck.Asked(REGISTERED, PAIRED_IMSI, "994501234567", null));
    }

    @Test
    void status_unknownEquipmentIs404ErrorEquipmentUnknown() throws Exception {
        N5gEirAnswer answer = status("imei-" + UNKNOWN, null, null);
        assertThat(answer.httpStatus()).isEqualTo(404);
        assertThat(answer.equipmentUnknown()).isTrue();
        assertThat(answer.problem().orElseThrow().cause()).contains("ERROR_EQUIPMENT_UNKNOWN");
    }

    @Test
    void status_wirelinePeiIsUnknownWithoutAskingTheCheck() throws Exception {
        status("imei-" + REGISTERED, null, null);
        N5gEirAnswer answer = status("mac-00-1b-44-11-3a-b7", null, null);
        assertThat(answer.equipmentUnknown()).isTrue();
        assertThat(CHECK.last().imei()).isEqualTo(REGISTERED);
    }

    @Test
    void status_percentEncodedQueryIsDecoded() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?p%65i=imei%2D" + REGISTERED
                + "&supi=imsi%2d" + PAIRED_IMSI + "&gpsi=msisdn-99450123456%37");
        assertThat(response.status()).isEqualTo(200);
        assertThat(CHECK.last()).isEqualTo(new FakeCheck.Asked(REGISTERED, PAIRED_IMSI, "994501234567", null));
    }

    @Test
    void status_nonImsiSupiIsACheckWithoutImsi() throws Exception {
        N5gEirAnswer answer = status("imei-" + CLONE, "nai-user@example.org", "extid-box1@example.org");
        assertThat(answer.status()).contains(EquipmentStatus.BLACKLISTED);
        assertThat(CHECK.last()).isEqualTo(new FakeCheck.Asked(CLONE, null, null, null));
    }

    @Test
    void status_supportedFeaturesAreAccepted() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED
                + "&supported-features=1F");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void status_missingPeiIs400MandatoryQueryParamMissing() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?supi=imsi-" + PAIRED_IMSI);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        ProblemDetails problem = problem(response);
        assertThat(problem.cause()).contains("MANDATORY_QUERY_PARAM_MISSING");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.invalidParams()).extracting(ProblemDetails.InvalidParam::param).containsExactly("query pei");
        assertThat(get("/n5g-eir-eic/v1/equipment-status").status()).isEqualTo(400);
        assertThat(get("/n5g-eir-eic/v1/equipment-status?").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"imei-35209900176148", "imei-35209900176148%78", "352099001761481", "imei-35%",
        "imeisv-12", "mac-zz", "%E2%9C%93", ""})
    void status_badPeiIs400NamingIt(String pei) throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=" + pei);
        assertThat(response.status()).isEqualTo(400);
        ProblemDetails problem = problem(response);
        assertThat(problem.cause()).contains("MANDATORY_QUERY_PARAM_INCORRECT");
        assertThat(problem.invalidParams()).extracting(ProblemDetails.InvalidParam::param).containsExactly("query pei");
        assertThat(problem.invalidParams().get(0).reason()).isNotBlank();
    }

    @Test
    void status_badOptionalParametersAreEachNamed() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED
                + "&supi=imsi-12&gpsi=msisdn-abc&supported-features=zz");
        assertThat(response.status()).isEqualTo(400);
        ProblemDetails problem = problem(response);
        assertThat(problem.cause()).contains("OPTIONAL_QUERY_PARAM_INCORRECT");
        assertThat(problem.invalidParams()).extracting(ProblemDetails.InvalidParam::param)
                .containsExactly("query supi", "query gpsi", "query supported-features");
        assertThat(problem.detail()).contains("3 query parameters");
    }

    @Test
    void status_unknownParameterIs400InvalidQueryParam() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED
                + "&imsi=" + PAIRED_IMSI);
        assertThat(response.status()).isEqualTo(400);
        ProblemDetails problem = problem(response);
        assertThat(problem.cause()).contains("INVALID_QUERY_PARAM");
        assertThat(problem.invalidParams()).extracting(ProblemDetails.InvalidParam::param).containsExactly("query imsi");
    }

    @Test
    void status_malformedQueriesAreAnswered() throws Exception {
        for (String query : List.of("pei", "=", "&&&", "pei==imei-" + REGISTERED, "%", "pei=imei-" + REGISTERED
                + "&pei=imei-" + STOLEN, "pei=imei-" + REGISTERED + "#frag", "pei=" + "9".repeat(1000))) {
            N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(problem(response).invalidParams()).as(query).isNotEmpty();
        }
    }

    @Test
    void head_answersTheHeadersOfGetWithoutABody() throws Exception {
        String path = "/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED;
        N5gEirClient.RawResponse got = get(path);
        N5gEirClient.RawResponse head = exchange(client, "HEAD", path, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.contentType()).isEqualTo(got.contentType());
        assertThat(head.headers().getInt("content-length")).isEqualTo(got.body().length);
        N5gEirClient.RawResponse badHead = exchange(client, "HEAD", "/n5g-eir-eic/v1/equipment-status", null);
        assertThat(badHead.status()).isEqualTo(400);
        assertThat(badHead.body()).isEmpty();
    }

    @Test
    void post_is405ProblemWithAllow() throws Exception {
        String path = "/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED;
        N5gEirClient.RawResponse response = exchange(client, "POST", path, null);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().get("allow")).hasToString("GET, HEAD");
        assertThat(problem(response).detail()).contains("not POST");
        for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
            assertThat(exchange(client, method, path, null).status()).as(method).isEqualTo(405);
        }
    }

    @Test
    void post_withABodyIsAnsweredAndTheStreamEnded() throws Exception {
        byte[] body = "{\"pei\":\"imei-352099001761481\"}".getBytes(StandardCharsets.UTF_8);
        N5gEirClient.RawResponse response = exchange(client, "POST", "/n5g-eir-eic/v1/equipment-status", body);
        assertThat(response.status()).isEqualTo(405);
        assertThat(client.status("imei-" + REGISTERED, null, null).status()).contains(EquipmentStatus.WHITELISTED);
    }

    @Test
    void otherPaths_areProblemsToo() throws Exception {
        N5gEirClient.RawResponse resource = get("/n5g-eir-eic/v1/equipment-statuses?pei=imei-" + REGISTERED);
        assertThat(resource.status()).isEqualTo(404);
        assertThat(problem(resource).cause()).contains("RESOURCE_URI_STRUCTURE_NOT_FOUND");
        for (String path : List.of("/", "/n5g-eir-eic/v2/equipment-status?pei=imei-" + REGISTERED, "/metrics",
                "/n5g-eir-eic/v1")) {
            N5gEirClient.RawResponse response = get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(problem(response).cause()).as(path).contains("INVALID_API");
        }
        assertThat(exchange(client, "DELETE", "/nudm-sdm/v2/x", null).status()).isEqualTo(400);
    }

    @Test
    void longUri_is414() throws Exception {
        N5gEirClient.RawResponse response = get("/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED
                + "&supi=" + "1".repeat(3000));
        assertThat(response.status()).isEqualTo(414);
        assertThat(problem(response).detail()).contains("sbi.max-uri-length");
    }

    @Test
    void checkThatFails_is500SystemFailureWithoutAStackTrace() throws Exception {
        FakeCheck broken = new FakeCheck().failing(new IllegalStateException("snapshot missing"));
        try (N5gEirServer failing = new N5gEirServer(SbiSettings.defaults("127.0.0.1", 0), broken,
                new SimpleMeterRegistry());
             N5gEirClient to = new N5gEirClient("127.0.0.1", failing.start())) {
            N5gEirClient.RawResponse response = exchange(to, "GET",
                    "/n5g-eir-eic/v1/equipment-status?pei=imei-" + REGISTERED, null);
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.text()).contains("SYSTEM_FAILURE").doesNotContain("snapshot missing")
                    .doesNotContain("at org.");
        }
    }

    @Test
    void operator_isTheOneConfiguredForTheClientAddress() throws Exception {
        SbiSettings settings = new SbiSettings("127.0.0.1", 0, 1, 16, 16, 8192, 2048, 0,
                Map.of("127.0.0.1", "azercell"));
        try (N5gEirServer mapped = new N5gEirServer(settings, CHECK, new SimpleMeterRegistry());
             N5gEirClient to = new N5gEirClient("127.0.0.1", mapped.start())) {
            to.status("imei-" + REGISTERED, null, null);
            assertThat(CHECK.last().operator()).isEqualTo("azercell");
        }
    }

    @Test
    void metrics_countAnswersByStatusAndResult() throws Exception {
        double before = METERS.counter("ceir.sbi.responses", "status", "404", "result", "ERROR_EQUIPMENT_UNKNOWN")
                .count();
        status("imei-" + UNKNOWN, null, null);
        assertThat(METERS.counter("ceir.sbi.responses", "status", "404", "result", "ERROR_EQUIPMENT_UNKNOWN").count())
                .isEqualTo(before + 2); // the raw request and the client's
        assertThat(METERS.find("ceir.sbi.responses").tag("result", "MANDATORY_QUERY_PARAM_MISSING").counter())
                .isNotNull();
        assertThat(METERS.get("ceir.sbi.connections.active").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void client_connectionRefusedIsExplained() {
        SbiSettings settings = SbiSettings.defaults("127.0.0.1", 0);
        int port;
        try (N5gEirServer closed = new N5gEirServer(settings, CHECK, new SimpleMeterRegistry())) {
            port = closed.start();
        }
        assertThatThrownBy(() -> new N5gEirClient("127.0.0.1", port))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("refused");
    }

    @Test
    void server_portInUseIsExplained() {
        try (N5gEirServer second = new N5gEirServer(SbiSettings.defaults("127.0.0.1", port), CHECK,
                new SimpleMeterRegistry())) {
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("sbi.port");
        }
    }
}
