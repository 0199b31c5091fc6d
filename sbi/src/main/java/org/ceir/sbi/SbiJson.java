package org.ceir.sbi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The two bodies of N5g-eir, EirResponseData and ProblemDetails, written and read with Jackson's
 * streaming API (the bodies are small and fixed in shape; no object mapping is needed).
 */
final class SbiJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SbiJson() {
    }

    /** {@code {"status":"WHITELISTED"}}: TS 29.511 EirResponseData. */
    static byte[] eirResponseData(String status) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", status);
            json.writeEndObject();
        });
    }

    /** A ProblemDetails body; {@code cause} may be null. */
    static byte[] problem(ProblemDetails problem) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("title", problem.title());
            json.writeNumberField("status", problem.status());
            json.writeStringField("detail", problem.detail());
            if (problem.cause().isPresent()) {
                json.writeStringField("cause", problem.cause().get());
            }
            if (!problem.invalidParams().isEmpty()) {
                json.writeArrayFieldStart("invalidParams");
                for (ProblemDetails.InvalidParam param : problem.invalidParams()) {
                    json.writeStartObject();
                    json.writeStringField("param", param.param());
                    json.writeStringField("reason", param.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** Reads EirResponseData's status; throws IOException when the body is not one. */
    static String readStatus(byte[] body) throws IOException {
        String status = null;
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "an object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if ("status".equals(name) && value == JsonToken.VALUE_STRING) {
                    status = json.getText();
                } else {
                    json.skipChildren();
                }
            }
        }
        if (status == null) {
            throw new IOException("no \"status\" in " + new String(body, StandardCharsets.UTF_8));
        }
        return status;
    }

    /** Reads a ProblemDetails; members it does not know are skipped, as TS 29.500 §6.6 asks. */
    static ProblemDetails readProblem(byte[] body, int httpStatus) throws IOException {
        String title = "";
        String detail = "";
        String cause = null;
        int status = httpStatus;
        List<ProblemDetails.InvalidParam> params = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "an object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "title":
                        title = json.getValueAsString("");
                        break;
                    case "detail":
                        detail = json.getValueAsString("");
                        break;
                    case "cause":
                        cause = json.getValueAsString();
                        break;
                    case "status":
                        status = json.getValueAsInt(httpStatus);
                        break;
                    case "invalidParams":
                        expect(value, JsonToken.START_ARRAY, "invalidParams as an array");
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            params.add(readInvalidParam(json));
                        }
                        break;
                    default:
                        json.skipChildren();
                }
            }
        }
        return new ProblemDetails(title, status, detail, Optional.ofNullable(cause), params);
    }

    private static ProblemDetails.InvalidParam readInvalidParam(JsonParser json) throws IOException {
        String param = "";
        String reason = "";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if ("param".equals(name)) {
                param = json.getValueAsString("");
            } else if ("reason".equals(name)) {
                reason = json.getValueAsString("");
            } else {
                json.skipChildren();
            }
        }
        return new ProblemDetails.InvalidParam(param, reason);
    }

    private static void expect(JsonToken token, JsonToken expected, String what) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + what + ", found " + token);
        }
    }

    private interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toByteArray();
    }
}
