package org.ceir.app.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.core.check.Outcome;
import org.ceir.diameter.DiameterPeer;
import org.ceir.diameter.S13Client;
import org.ceir.diameter.S13ClientSettings;
import org.ceir.diameter.codec.MeIdentityCheckAnswer;
import org.ceir.diameter.codec.ResultCode;
import org.ceir.sbi.N5gEirAnswer;
import org.ceir.sbi.N5gEirClient;

/**
 * A check asked of a running {@code ceir serve} through one of its doors, as a network asks it,
 * for {@code ceir check --via}: what came back, and which door said it.
 *
 * @param outcome the status (UNKNOWN when the door says the equipment is unknown)
 * @param reason  the reason, when the door gives one (the HTTP API does; S13 and N5g-eir do not)
 * @param answer  what the door answered, for people
 */
record RemoteCheck(Outcome outcome, Optional<String> reason, String answer) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Asks the N5g-eir server (TS 29.511) as an AMF does. */
    static RemoteCheck n5gEir(String host, int port, String pei, String imsi, String msisdn) {
        N5gEirAnswer answer;
        try (N5gEirClient client = new N5gEirClient(host, port)) {
            answer = client.status(pei, imsi, msisdn);
        }
        Outcome outcome;
        if (answer.status().isPresent()) {
            outcome = Outcome.valueOf(answer.status().get().name());
        } else if (answer.equipmentUnknown()) {
            outcome = Outcome.UNKNOWN;
        } else {
            throw new IllegalStateException("the N5g-eir server at " + host + ":" + port + " refused the check: "
                    + answer);
        }
        return new RemoteCheck(outcome, Optional.empty(), "N5g-eir at " + host + ":" + port + " answered " + answer);
    }

    /**
     * Asks the S13 server (TS 29.272 ME-Identity-Check) as an MME does, introducing itself (CER) as
     * the configured peer {@code peer}.
     */
    static RemoteCheck s13(String host, int port, DiameterPeer peer, String destinationRealm, String imei,
                           String imsi) {
        String originHost = peer.host().isEmpty() ? "ceir-check." + peer.realm() : peer.host();
        MeIdentityCheckAnswer answer;
        try (S13Client client = S13Client.connect(S13ClientSettings.of(host, port, originHost, peer.realm(),
                destinationRealm))) {
            answer = client.check(imei, imsi).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the S13 server", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the S13 server at " + host + ":" + port + " gave no answer: "
                    + cause.getMessage(), cause);
        }
        Outcome outcome;
        if (answer.equipmentStatus().isPresent()) {
            outcome = Outcome.valueOf(answer.equipmentStatus().get().name());
        } else if (answer.result().equals(ResultCode.EQUIPMENT_UNKNOWN)) {
            outcome = Outcome.UNKNOWN;
        } else {
            throw new IllegalStateException("the S13 server at " + host + ":" + port + " refused the check: " + answer);
        }
        return new RemoteCheck(outcome, Optional.empty(), "S13 at " + host + ":" + port + " (as " + originHost
                + ") answered " + answer.result() + answer.equipmentStatus().map(status -> " " + status).orElse(""));
    }

    /** Asks the web server's check API ({@code GET /api/v1/check}) with an OPERATOR account (HTTP Basic). */
    static RemoteCheck http(String host, int port, String user, String password, String imei, String imsi,
                            String msisdn) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("imei=").append(encode(imei));
        if (imsi != null) {
            query.append("&imsi=").append(encode(imsi));
        }
        if (msisdn != null) {
            query.append("&msisdn=").append(encode(msisdn));
        }
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        String address = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/api/v1/check?" + query))
                .timeout(TIMEOUT).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException("web server " + address + ": connection refused; is ceir serve running?", e);
        }
        JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the web server at " + address + " refused the check: "
                    + response.statusCode() + " " + body.path("title").asText("") + " " + body.path("detail").asText(""));
        }
        String reason = body.path("reason").asText()
                + (body.has("daysLeft") ? " (" + body.get("daysLeft").asInt() + " days left)" : "");
        return new RemoteCheck(Outcome.valueOf(body.path("status").asText()), Optional.of(reason),
                "HTTP check API at " + address + ", as " + user);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
