package org.ceir.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.ceir.appeals.AppealSettings;
import org.ceir.core.country.Country;
import org.ceir.detect.DetectSettings;
import org.ceir.diameter.DiameterSettings;
import org.ceir.eir.EirSettings;
import org.ceir.ingest.IngestSettings;
import org.ceir.lists.ListsSettings;
import org.ceir.registration.RegistrationSettings;
import org.ceir.sbi.SbiSettings;
import org.ceir.web.WebSettings;

/**
 * The validated, immutable configuration of one ceir process.
 *
 * <p>Three layers, each overriding the one before: the built-in {@code ceir-defaults.yaml}, an
 * optional YAML file, and environment variables ({@code CEIR_} + the setting's path in capitals,
 * dots and dashes as underscores). A setting the defaults do not know is an error, so a typo is
 * caught at start-up rather than silently ignored. Each top-level section binds to its module's
 * record, whose constructor validates it; every section is bound at load, so a bad value stops the
 * process before it does anything.
 */
public final class Settings {
    /** A top-level section and the record it binds to. Modules add theirs to {@link #SECTIONS}. */
    public record Section<T>(String name, Class<T> type) {
    }

    /** Every section ceir knows; each module's settings record is listed here. */
    public static final List<Section<?>> SECTIONS = List.of(
            new Section<>("country", Country.class),
            new Section<>("db", DbConfig.class),
            new Section<>("diameter", DiameterSettings.class),
            new Section<>("detect", DetectSettings.class),
            new Section<>("eir", EirSettings.class),
            new Section<>("registration", RegistrationSettings.class),
            new Section<>("ingest", IngestSettings.class),
            new Section<>("lists", ListsSettings.class),
            new Section<>("sbi", SbiSettings.class),
            new Section<>("web", WebSettings.class),
            new Section<>("appeals", AppealSettings.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .findAndRegisterModules();

    private final Map<Class<?>, Object> bound;
    private final Optional<Path> file;

    private Settings(Map<Class<?>, Object> bound, Optional<Path> file) {
        this.bound = Map.copyOf(bound);
        this.file = file;
    }

    /**
     * Loads and validates the configuration.
     *
     * @param file      a YAML file, if any
     * @param env       the environment (System.getenv() outside tests)
     * @param overrides settings given on the command line, by path (e.g. {@code db.url})
     * @throws ConfigException naming the setting that is wrong
     */
    public static Settings load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        ObjectNode tree = defaults();
        if (file.isPresent()) {
            JsonNode fromFile = readFile(file.get());
            if (!fromFile.isMissingNode() && !fromFile.isNull()) {
                if (!fromFile.isObject()) {
                    throw new ConfigException(file.get() + ": expected settings (key: value), found " + fromFile.getNodeType());
                }
                merge(tree, (ObjectNode) fromFile, "", file.get().toString());
            }
        }
        for (String path : leafPaths(tree, "")) {
            String value = env.get(envName(path));
            if (value != null) {
                set(tree, path, value);
            }
        }
        overrides.forEach((path, value) -> set(tree, path, value));

        Map<Class<?>, Object> bound = new LinkedHashMap<>();
        for (Section<?> section : SECTIONS) {
            bound.put(section.type(), bind(tree, section));
        }
        return new Settings(bound, file);
    }

    /** The settings record of a section. */
    public <T> T get(Class<T> type) {
        Object value = bound.get(type);
        if (value == null) {
            throw new IllegalArgumentException("no configuration section binds to " + type.getName());
        }
        return type.cast(value);
    }

    public Country country() {
        return get(Country.class);
    }

    public DbConfig db() {
        return get(DbConfig.class);
    }

    public DetectSettings detect() {
        return get(DetectSettings.class);
    }

    /** The S13 server's section. */
    public DiameterSettings diameter() {
        return get(DiameterSettings.class);
    }

    public EirSettings eir() {
        return get(EirSettings.class);
    }

    public RegistrationSettings registration() {
        return get(RegistrationSettings.class);
    }

    /** List exports and the operators' API. */
    public ListsSettings lists() {
        return get(ListsSettings.class);
    }

    /** The N5g-eir server's section. */
    public SbiSettings sbi() {
        return get(SbiSettings.class);
    }

    public WebSettings web() {
        return get(WebSettings.class);
    }

    /** The file the settings came from, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** The environment variable that overrides a setting, e.g. {@code db.pool-size} → {@code CEIR_DB_POOL_SIZE}. */
    public static String envName(String path) {
        return "CEIR_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static <T> T bind(ObjectNode tree, Section<T> section) {
        JsonNode node = tree.get(section.name());
        if (node == null) {
            throw new ConfigException("the built-in defaults have no '" + section.name() + "' section");
        }
        try {
            return YAML.treeToValue(node, section.type());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("setting " + section.name() + ": " + reason(e), e);
        }
    }

    /** The person-readable part of a binding error: the record's own message, or Jackson's first line. */
    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && !(cause instanceof com.fasterxml.jackson.core.JacksonException)) {
                return cause.getMessage();
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectNode defaults() {
        try (InputStream in = Settings.class.getResourceAsStream("/ceir-defaults.yaml")) {
            if (in == null) {
                throw new ConfigException("ceir-defaults.yaml is missing from the build");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("ceir-defaults.yaml cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("configuration file " + path + " does not exist");
        }
        try {
            return YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new ConfigException(path + " is not valid YAML: " + reason(e), e);
        }
    }

    /** Merges {@code from} into {@code into}; objects merge key by key, everything else replaces. */
    private static void merge(ObjectNode into, ObjectNode from, String prefix, String source) {
        boolean freeForm = into.isEmpty(); // an empty default map (e.g. mnc-lengths) takes any key
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode existing = into.get(field.getKey());
            if (existing == null && !freeForm) {
                throw new ConfigException(source + ": unknown setting '" + path + "'"
                        + (prefix.isEmpty() ? "" : "; " + prefix + " has " + names(into)));
            }
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), path, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                paths.addAll(leafPaths(field.getValue(), path));
            } else if (field.getValue().isValueNode()) {
                paths.add(path);
            }
        });
        return paths;
    }

    private static void set(ObjectNode tree, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new ConfigException("unknown setting '" + path + "'");
            }
            node = (ObjectNode) child;
        }
        if (!node.has(parts[parts.length - 1])) {
            throw new ConfigException("unknown setting '" + path + "'");
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }
}
