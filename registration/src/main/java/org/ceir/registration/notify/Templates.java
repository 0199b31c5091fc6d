package org.ceir.registration.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMS texts in Azerbaijani, English and Russian ({@code templates_<lang>.properties} beside this
 * class), with {@code {name}} placeholders. Every language must have every kind, and a placeholder
 * left unfilled is an error rather than a message with braces in it.
 */
public final class Templates {
    /** The languages messages can be written in. */
    public static final List<String> LANGUAGES = List.of("az", "en", "ru");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Templates INSTANCE = load();

    private final Map<String, Map<NoticeKind, String>> texts;

    private Templates(Map<String, Map<NoticeKind, String>> texts) {
        this.texts = texts;
    }

    /** The templates shipped with ceir. */
    public static Templates shipped() {
        return INSTANCE;
    }

    /** The text of one kind of message in one language, its placeholders filled from {@code values}. */
    public String render(NoticeKind kind, String language, Map<String, String> values) {
        Map<NoticeKind, String> byKind = texts.get(language);
        if (byKind == null) {
            throw new IllegalArgumentException("no SMS templates in language '" + language + "'; there are " + LANGUAGES);
        }
        String template = byKind.get(kind);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("SMS " + kind + " needs {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholders a template uses, for the test that keeps the languages in step. */
    static List<String> placeholders(String template) {
        return PLACEHOLDER.matcher(template).results().map(m -> m.group(1)).sorted().toList();
    }

    String template(NoticeKind kind, String language) {
        return texts.get(language).get(kind);
    }

    private static Templates load() {
        Map<String, Map<NoticeKind, String>> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            String name = "templates_" + language + ".properties";
            Properties properties = new Properties();
            try (InputStream in = Templates.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the build");
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
            Map<NoticeKind, String> byKind = new EnumMap<>(NoticeKind.class);
            for (NoticeKind kind : NoticeKind.values()) {
                String text = properties.getProperty(kind.name());
                if (text == null || text.isBlank()) {
                    throw new IllegalStateException(name + " has no " + kind);
                }
                byKind.put(kind, text.strip());
            }
            texts.put(language, byKind);
        }
        return new Templates(Map.copyOf(texts));
    }
}
