package org.ceir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of the REST API, written by hand in
 * {@code openapi.yaml} beside this class (YAML reads better in review) and served as JSON.
 * {@code OpenApiTest} keeps it true to the route table: every API route documented with its
 * method, nothing documented that is not served, and the document valid.
 */
final class ApiDocs implements RouteGroup {
    static final String RESOURCE = "/org/ceir/web/openapi.yaml";
    private final byte[] json;

    ApiDocs() {
        this.json = load();
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/openapi.json", Access.PUBLIC, this::serve));
    }

    private void serve(Context ctx) {
        ctx.header("Cache-Control", "max-age=300");
        ctx.contentType("application/json").result(json);
    }

    /** The document as a JSON tree. */
    static JsonNode document() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] load() {
        try {
            return Json.MAPPER.writeValueAsBytes(document());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OpenAPI document as JSON", e);
        }
    }
}
