package org.ceir.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of every page in each {@link Language}, from {@code messages_xx.properties} (UTF-8).
 * Placeholders {@code {0}}, {@code {1}}… are replaced as given: no MessageFormat, so apostrophes
 * in texts need no escaping.
 */
final class Messages {
    static final String BUNDLE = "org.ceir.web.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    Messages() {
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /** The text of {@code key}; a missing key shows as itself in brackets rather than failing a page. */
    String get(Language language, String key, Object... args) {
        String text;
        try {
            text = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    ResourceBundle bundle(Language language) {
        return bundles.get(language);
    }
}
