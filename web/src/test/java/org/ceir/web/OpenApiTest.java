package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /api/openapi.json} true to the code: the document served is valid OpenAPI 3, every
 * API route of the route table is in it with its method, and it documents nothing that is not served.
 */
class OpenApiTest {
    private static TestServer web;

    @BeforeAll
    static void start() {
        web = new TestServer();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void openApi_isValidOpenApi3() {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    @Test
    void openApi_documentsEveryApiRouteAndNothingElse() {
        Set<String> served = new TreeSet<>();
        for (Route route : web.server.routes()) {
            if (route.path().startsWith("/api/")) {
                served.add(route.method().name() + " " + route.path());
            }
        }
        Set<String> documented = new TreeSet<>();
        OpenAPI api = parse().getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name().toUpperCase(Locale.ROOT) + " " + path)));

        assertThat(documented).containsExactlyElementsOf(served);
    }

    @Test
    void openApi_everyOperationAnswersProblemsAsProblemDetails() {
        OpenAPI api = parse().getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(response.getContent()).as("%s %s %s", method, path, status)
                                .containsKey("application/problem+json");
                    }
                })));
    }

    private static SwaggerParseResult parse() {
        HttpResponse<String> response = web.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(response.body(), null, options);
    }
}
