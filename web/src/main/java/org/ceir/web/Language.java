package org.ceir.web;

import java.util.Locale;
import java.util.Optional;

/** The languages every page speaks. */
enum Language {
    AZ("az", "Azərbaycanca"),
    EN("en", "English"),
    RU("ru", "Русский");

    private final String code;
    private final String nativeName;
    private final Locale locale;

    Language(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
        this.locale = Locale.forLanguageTag(code);
    }

    String code() {
        return code;
    }

    /** The language's name in itself, as a switcher shows it. */
    String nativeName() {
        return nativeName;
    }

    Locale locale() {
        return locale;
    }

    static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The first of our languages an {@code Accept-Language} header names, if any (weights are ignored). */
    static Optional<Language> ofAcceptLanguage(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].strip();
            int dash = tag.indexOf('-');
            Optional<Language> language = ofCode(dash < 0 ? tag : tag.substring(0, dash));
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }
}
