package org.ceir.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;
import org.ceir.ingest.ImportJob;
import org.ceir.ingest.ImportListener;
import org.ceir.ingest.ImportOptions;
import org.ceir.ingest.ImportResult;
import org.ceir.ingest.Importer;
import org.ceir.ingest.IngestSettings;
import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DIRBS-Core's own classification cases ({@code ../shared/conformance/dirbs/cases.json} beside the
 * repository, issue 11): each case's operator files go through the real importer, with the
 * data-quality checks off as DIRBS's own tests have them, into an empty store of the case's country
 * (MCC 111, three operators, country code 22); one condition made of the case's dimension
 * classifies as of its day, and the matched IMEIs must be DIRBS's.
 */
class DirbsConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The conformance folder: {@code ../shared/conformance/dirbs} from the repository root. */
    static Path folder() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve(".ci"))) {
            root = root.getParent();
        }
        Path start = root == null ? Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent() : root;
        Path dirbs = start.resolve("../shared/conformance/dirbs").normalize();
        if (!Files.isRegularFile(dirbs.resolve("cases.json"))) {
            throw new IllegalStateException("the DIRBS conformance set is missing: expected " + dirbs.resolve("cases.json")
                    + " (../shared/conformance/dirbs beside the repository)");
        }
        return dirbs;
    }

    static Stream<JsonNode> cases() throws IOException {
        JsonNode all = JSON.readTree(folder().resolve("cases.json").toFile());
        List<JsonNode> cases = new ArrayList<>();
        all.get("cases").forEach(cases::add);
        assertThat(cases).hasSize(25);
        return cases.stream();
    }

    static Country country() throws IOException {
        JsonNode country = JSON.readTree(folder().resolve("cases.json").toFile()).get("country");
        List<Operator> operators = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = country.get("operators").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String[] plmn = field.getValue().asText().split("-");
            operators.add(new Operator(field.getKey(), field.getKey(), plmn[0], plmn[1]));
        }
        return new Country("DIRBS test country", country.get("mcc").asText(), country.get("country_code").asText(),
                "", 10, operators, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classify_matchesDirbs(JsonNode c) throws IOException {
        Country country = country();
        try (Database database = TestDatabase.create()) {
            Importer importer = new Importer(database, country, IngestSettings.defaults(), Optional.empty(),
                    ImportListener.NONE);
            List<String> files = new ArrayList<>();
            for (JsonNode file : c.get("files")) {
                Path path = folder().resolve(file.asText());
                files.add(path.getFileName().toString());
                assertThat(importer.importOperator(path, ImportOptions.by("conformance").withChecks(false)).outcome())
                        .as("case %s: import of %s", c.get("name").asText(), path.getFileName())
                        .isEqualTo(ImportResult.Outcome.SUCCEEDED);
            }
            List<ImportJob> history = importer.history(files.size() + 1);
            assertThat(history).as("case %s: the import history", c.get("name").asText())
                    .extracting(ImportJob::fileName).containsExactlyInAnyOrderElementsOf(files);
            assertThat(history).as("case %s: every import recorded with its checks off", c.get("name").asText())
                    .allSatisfy(job -> assertThat(job.checksEnabled()).isFalse());
            Map<String, Object> parameters = new LinkedHashMap<>();
            c.get("params").fields().forEachRemaining(p -> parameters.put(p.getKey(),
                    p.getValue().isBoolean() ? p.getValue().asBoolean() : p.getValue().asText()));
            ConditionConfig condition = ConditionConfig.single("conformance",
                    DimensionConfig.of(c.get("dimension").asText(), parameters));
            long[] matched = Classifier.classify(database, country, condition,
                    LocalDate.parse(c.get("as_of").asText()), 1).matched();
            List<String> expected = new ArrayList<>();
            c.get("expected").forEach(e -> expected.add(e.asText()));
            List<String> actual = Arrays.stream(matched).mapToObj(Imei::formatKey).sorted().toList();
            assertThat(actual).as("case %s: expected %s, matched %s", c.get("name").asText(), expected, actual)
                    .isEqualTo(expected.stream().sorted().toList());
        }
    }
}
