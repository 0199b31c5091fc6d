package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import org.junit.jupiter.api.Test;

/** The contract itself: it must reject what TS 29.511 does not allow, or it proves nothing. */
class N5gEirContractTest {
    private final N5gEirContract contract = N5gEirContract.load();

    private static N5gEirClient.RawResponse answer(int status, String type, String body) {
        return new N5gEirClient.RawResponse(status, new DefaultHttp2Headers().status(Integer.toString(status))
                .set("content-type", type), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void check_acceptsWhatTheSpecAllows() {
        assertThatCode(() -> contract.check(answer(200, "application/json", "{\"status\":\"GREYLISTED\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check(answer(400, "application/problem+json", "{\"status\":400,\"cause\":"
                + "\"MANDATORY_QUERY_PARAM_MISSING\",\"invalidParams\":[{\"param\":\"query pei\"}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void check_rejectsAStatusOutsideTheEnum() {
        assertThatThrownBy(() -> contract.check(answer(200, "application/json", "{\"status\":\"PURPLE\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("EirResponseData");
        assertThatThrownBy(() -> contract.check(answer(200, "application/json", "{}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void check_rejectsAnUndeclaredMediaType() {
        assertThatThrownBy(() -> contract.check(answer(400, "application/json", "{\"status\":400}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/problem+json");
        assertThatThrownBy(() -> contract.check(answer(405, "text/plain", "no")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void check_rejectsAProblemDetailsOfTheWrongShape() {
        assertThatThrownBy(() -> contract.check(answer(404, "application/problem+json", "{\"status\":\"404\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ProblemDetails");
        assertThatThrownBy(() -> contract.check(answer(400, "application/problem+json", "{\"invalidParams\":[]}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check(answer(405, "application/problem+json",
                "{\"invalidParams\":[{\"reason\":\"no param\"}]}")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check(answer(500, "application/problem+json", "not json")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not JSON");
    }
}
