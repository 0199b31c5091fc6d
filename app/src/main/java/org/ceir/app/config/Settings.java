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
import org.ceir.store.SettingOverrides;
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
 *
 * <p>A fourth layer, {@link #withOverrides}, puts the overrides people set in the staff console over
 * the three: only the {@link #TUNABLE} settings, which a regulator changes between releases. Each
 * value remembers where it came from ({@link #entries()}).
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

    /**
     * The settings the console may override, each read by its module as usual: {@code ceir detect}
     * binds {@code detect} (with its conditions) from {@link org.ceir.app.Ceir#tuned()}, and the
     * registration services bind {@code registration} (with its tariff versions) the same way.
     */
    public static final List<String> TUNABLE = List.of("detect.conditions", "registration.tariffs");

    /** One setting in force: its path, its value (JSON for lists and maps), and where it came from. */
    public record Entry(String path, String value, String source) {
    }

    private static final String DEFAULT_SOURCE = "built-in default (ceir-defaults.yaml)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML_OUT = new ObjectMapper(new YAMLFactory()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .findAndRegisterModules();

    private final Map<Class<?>, Object> bound;
    private final Optional<Path> file;
    private final ObjectNode tree;
    private final Map<String, String> sources;

    private Settings(Map<Class<?>, Object> bound, Optional<Path> file, ObjectNode tree, Map<String, String> sources) {
        this.bound = Map.copyOf(bound);
        this.file = file;
        this.tree = tree;
        this.sources = Map.copyOf(sources);
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
        Map<String, String> sources = new LinkedHashMap<>();
        if (file.isPresent()) {
            JsonNode fromFile = readFile(file.get());
            if (!fromFile.isMissingNode() && !fromFile.isNull()) {
                if (!fromFile.isObject()) {
                    throw new ConfigException(file.get() + ": expected settings (key: value), found " + fromFile.getNodeType());
                }
                merge(tree, (ObjectNode) fromFile, "", file.get().toString(), sources);
            }
        }
        for (String path : leafPaths(tree, "")) {
            String value = env.get(envName(path));
            if (value != null) {
                set(tree, path, value);
                sources.put(path, "environment variable " + envName(path));
            }
        }
        overrides.forEach((path, value) -> {
            set(tree, path, value);
            sources.put(path, "command line");
        });
        return bindAll(tree, sources, file);
    }

    private static Settings bindAll(ObjectNode tree, Map<String, String> sources, Optional<Path> file) {
        Map<Class<?>, Object> bound = new LinkedHashMap<>();
        for (Section<?> section : SECTIONS) {
            bound.put(section.type(), bind(tree, section));
        }
        return new Settings(bound, file, tree, sources);
    }

    /**
     * These settings with the console's overrides on top: the newest stored version of each
     * {@link #TUNABLE} setting replaces its value. A stored path that is not tunable (any more) is
     * left out, since no module reads it from there.
     *
     * @throws ConfigException when a stored value no longer fits its setting (a release changed what
     *                         it accepts), naming the version and who set it
     */
    public Settings withOverrides(Map<String, SettingOverrides.Version> stored) {
        ObjectNode copy = tree.deepCopy();
        Map<String, String> tunedSources = new LinkedHashMap<>(sources);
        for (SettingOverrides.Version version : stored.values()) {
            if (!TUNABLE.contains(version.path()) || version.value().isEmpty()) {
                continue;
            }
            String origin = "console override, version " + version.version() + " by " + version.setBy() + " on "
                    + version.setAt().toString().substring(0, 10) + ": " + version.reason();
            try {
                place(copy, version.path(), JSON.readTree(version.value().get()));
            } catch (IOException e) {
                throw new ConfigException(origin + ": the stored value is not JSON: " + reason(e), e);
            }
            tunedSources.put(version.path(), origin);
        }
        try {
            return bindAll(copy, tunedSources, file);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (from the console's overrides of " + stored.keySet()
                    + "; set a new version, or restore the configured value, on the console's settings page)", e);
        }
    }

    /**
     * Checks a value for a {@link #TUNABLE} setting by binding its section with it, exactly as the
     * module will read it.
     *
     * @param yaml the value as YAML (JSON is YAML too)
     * @return the value as compact JSON, to be stored
     * @throws ConfigException naming what is wrong
     */
    public String check(String path, String yaml) {
        if (!TUNABLE.contains(path)) {
            throw new ConfigException(path + " cannot be changed here; these can: " + String.join(", ", TUNABLE));
        }
        JsonNode value;
        try {
            value = YAML.readTree(yaml == null ? "" : yaml);
        } catch (IOException e) {
            throw new ConfigException(path + ": not valid YAML: " + reason(e), e);
        }
        JsonNode current = node(path);
        if (value == null || value.isMissingNode() || value.isNull() || value.getNodeType() != current.getNodeType()) {
            throw new ConfigException(path + ": expected " + describe(current) + ", found "
                    + (value == null || value.isMissingNode() || value.isNull() ? "nothing" : describe(value)));
        }
        if (value.isArray() && value.isEmpty()) {
            throw new ConfigException(path + ": the list is empty; it needs at least one entry");
        }
        ObjectNode copy = tree.deepCopy();
        place(copy, path, value);
        String section = path.substring(0, path.indexOf('.'));
        SECTIONS.stream().filter(s -> s.name().equals(section)).forEach(s -> bind(copy, s));
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be written as JSON: " + reason(e), e);
        }
    }

    /** Every setting in force, in the configuration's order: lists and maps of values as one JSON value each. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        collect(tree, "", entries);
        return entries;
    }

    /** Where the value of {@code path} came from: the nearest layer that set it or a setting above it. */
    public String source(String path) {
        for (String at = path; ; at = at.substring(0, at.lastIndexOf('.'))) {
            String source = sources.get(at);
            if (source != null) {
                return source;
            }
            if (at.indexOf('.') < 0) {
                return DEFAULT_SOURCE;
            }
        }
    }

    /** The value of {@code path} as YAML, as a person edits it. */
    public String yaml(String path) {
        try {
            return YAML_OUT.writeValueAsString(node(path));
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be written as YAML: " + reason(e), e);
        }
    }

    private JsonNode node(String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new ConfigException("unknown setting '" + path + "'");
        }
        return node;
    }

    private void collect(JsonNode node, String prefix, List<Entry> entries) {
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject() && !value.isEmpty()) {
                collect(value, path, entries);
            } else {
                entries.add(new Entry(path, shown(path, value), source(path)));
            }
        });
    }

    /** A value as people may see it: secrets show only whether they are set. */
    private static String shown(String path, JsonNode value) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (name.contains("password") || name.contains("secret") || name.equals("owner-key")) {
            return value.asText().isEmpty() ? "" : "(set, hidden)";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.replaceAll("(?i)(password=)[^&]*", "$1(hidden)");
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "a list (- …)" : node.isObject() ? "a mapping (key: value)" : "a single value";
    }

    /** Sets the node at a dotted path that exists. */
    private static void place(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
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
    private static void merge(ObjectNode into, ObjectNode from, String prefix, String source,
                              Map<String, String> sources) {
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
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), path, source, sources);
            } else {
                into.set(field.getKey(), field.getValue());
                sources.put(path, "file " + source);
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
