package org.ceir.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import org.ceir.core.check.CheckReason;
import org.ceir.core.check.EquipmentCheck;
import org.ceir.core.check.Verdict;

/**
 * The network's device check over HTTP (issue 5's third door): {@code GET /api/v1/check?imei=…
 * &imsi=…&msisdn=…} → {@code {"status", "reason", "daysLeft"}}, the same decision S13 and N5g-eir
 * give because all ask the same {@link EquipmentCheck}. It tells whether a SIM is paired with a
 * clone, so only operators may ask. The IMEI is taken as a network sends it: the first 14 digits
 * are the key and a 15th is not judged (TS 22.016); the engine calls anything else malformed.
 */
final class CheckApi implements RouteGroup {
    private final EquipmentCheck check;
    private final Requests requests;
    private final Messages messages;
    private final MeterRegistry meters;

    CheckApi(EquipmentCheck check, Requests requests, Messages messages, MeterRegistry meters) {
        this.check = check;
        this.requests = requests;
        this.messages = messages;
        this.meters = meters;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/v1/check", Access.machine(Role.OPERATOR), this::check));
    }

    private void check(Context ctx) {
        Language language = requests.language(ctx);
        String imei = ctx.queryParam("imei");
        String imsi = blankToNull(ctx.queryParam("imsi"));
        String msisdn = blankToNull(ctx.queryParam("msisdn"));
        List<Map<String, String>> invalid = new ArrayList<>();
        if (imei == null || imei.isBlank()) {
            invalid.add(Map.of("param", "imei", "reason", messages.get(language, "api.check.imei-missing")));
        } else if (imei.length() > 32) {
            invalid.add(Map.of("param", "imei", "reason", messages.get(language, "api.check.imei-long")));
        }
        if (imsi != null && !digits(imsi, 6, 15)) {
            invalid.add(Map.of("param", "imsi", "reason", messages.get(language, "api.check.imsi")));
        }
        if (msisdn != null) {
            msisdn = withoutPlus(msisdn);
            if (!digits(msisdn, 7, 15) || msisdn.charAt(0) == '0') {
                invalid.add(Map.of("param", "msisdn", "reason", messages.get(language, "api.check.msisdn")));
            }
        }
        if (!invalid.isEmpty()) {
            throw new Problem(400, "invalid-params", messages.get(language, "api.check.invalid"),
                    Map.of("invalidParams", invalid), Map.of());
        }
        Principal principal = Requests.principal(ctx);
        int verdict = check.check(imei.strip(), imsi, msisdn, principal.operatorCode());
        CheckReason reason = Verdict.reason(verdict);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imei", imei.strip());
        body.put("status", Verdict.outcome(verdict).name());
        body.put("reason", reason.name());
        if (reason == CheckReason.UNREGISTERED_GRACE) {
            body.put("daysLeft", Verdict.daysLeft(verdict));
        }
        meters.counter("ceir.web.checks", "outcome", Verdict.outcome(verdict).name()).increment();
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, body);
    }

    /** A number as E.164 digits: a leading {@code +} dropped. */
    static String withoutPlus(String msisdn) {
        return msisdn != null && msisdn.startsWith("+") ? msisdn.substring(1) : msisdn;
    }

    static boolean digits(String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
