package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * 3GPP's own OpenAPI files as the judge of every answer the server gives: the N5g-eir YAML
 * (TS 29.511) and the common data types it refers to (TS 29.571), read from {@code ../shared/spec/}
 * beside the repository at test time, parsed by swagger-parser (which resolves the {@code $ref}s
 * into TS29571), and each body checked with a JSON-schema validator in OpenAPI 3.0's dialect.
 *
 * <p>An answer the operation declares (200, 400, 404, …) must have one of its declared media types
 * and a body valid against its schema; one it does not (405 for another method, 404 for another
 * path) must be a valid TS 29.571 ProblemDetails as {@code application/problem+json}.
 *
 * <p>TS29571 refers to TS29510_Nnrf_AccessToken.yaml for ProblemDetails' accessTokenError and
 * accessTokenRequest; that file is not in shared/spec, so those two members stay unresolved (the
 * parser's message about it is expected) and the server never sends them.
 */
final class N5gEirContract {
    static final String N5G_EIR_FILE = "TS29511_N5g-eir_EquipmentIdentityCheck.yaml";
    static final String COMMON_FILE = "TS29571_CommonData.yaml";
    private static final String BASE = "https://ceir.test/spec/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static N5gEirContract instance;

    private final Operation operation;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private N5gEirContract(Path specDirectory) {
        Path n5gEir = specDirectory.resolve(N5G_EIR_FILE);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(n5gEir.toUri().toString(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            fail("swagger-parser could not read " + n5gEir + ": " + result.getMessages());
        }
        List<String> unexpected = result.getMessages().stream()
                .filter(message -> !message.contains("TS29510_Nnrf_AccessToken.yaml"))
                .collect(Collectors.toList());
        assertThat(unexpected).as("swagger-parser's messages about " + n5gEir).isEmpty();
        operation = api.getPaths().get("/equipment-status").getGet();
        assertThat(operation).as("GET /equipment-status in " + n5gEir).isNotNull();

        // The resolved components as one JSON document: schemas are validated in place, so that
        // their $refs (now local, #/components/schemas/…) resolve within it.
        ObjectNode document = MAPPER.createObjectNode();
        document.set("components", Json.mapper().valueToTree(api.getComponents()));
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(BASE + "n5g-eir.json", document.toString())));
    }

    /** The contract, read once per test run from {@code ../shared/spec/} beside the repository root. */
    static synchronized N5gEirContract load() {
        if (instance == null) {
            instance = new N5gEirContract(specDirectory());
        }
        return instance;
    }

    /** {@code <repository>/../shared/spec}; fails naming the path when the files are not there. */
    static Path specDirectory() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("CONTRIBUTING.md"))) {
            root = root.getParent();
        }
        if (root == null) {
            fail("cannot find the repository root (a directory with CONTRIBUTING.md) above "
                    + Path.of("").toAbsolutePath());
        }
        Path spec = root.resolve("../shared/spec").normalize();
        for (String file : List.of(N5G_EIR_FILE, COMMON_FILE)) {
            if (!Files.isRegularFile(spec.resolve(file))) {
                fail("3GPP's OpenAPI file " + spec.resolve(file) + " is missing: the N5g-eir tests check every"
                        + " answer against it (shared/spec/ lies beside the repository)");
            }
        }
        return spec;
    }

    /** Fails unless the answer is what TS 29.511 allows for it. */
    void check(N5gEirClient.RawResponse response) {
        String status = Integer.toString(response.status());
        ApiResponse declared = operation.getResponses().get(status);
        String mediaType = response.contentType();
        if (declared == null || declared.getContent() == null) {
            assertThat(mediaType).as("content type of an undeclared %s", status)
                    .isEqualTo("application/problem+json");
            validate("#/components/schemas/ProblemDetails", response);
            return;
        }
        MediaType declaredType = declared.getContent().get(mediaType);
        assertThat(declaredType).as("%s answered with %s; TS 29.511 declares %s", status, mediaType,
                declared.getContent().keySet()).isNotNull();
        String ref = declaredType.getSchema().get$ref();
        assertThat(ref).as("schema of %s %s", status, mediaType).startsWith("#/components/schemas/");
        validate(ref, response);
    }

    private void validate(String ref, N5gEirClient.RawResponse response) {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("answer " + response.status() + " is not JSON: " + response.text(), e);
        }
        assertThat(body).as("answer %s body", response.status()).isNotNull();
        Schema schema = schemas.computeIfAbsent(ref,
                r -> registry.getSchema(SchemaLocation.of(BASE + "n5g-eir.json" + r)));
        List<Error> errors = schema.validate(body);
        assertThat(errors).as("answer %s %s against %s", response.status(), response.text(), ref).isEmpty();
    }
}
