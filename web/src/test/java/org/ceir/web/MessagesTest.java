package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = new Messages();

    @Test
    void bundles_haveTheSameKeysInEveryLanguage() {
        Set<String> english = new TreeSet<>(messages.bundle(Language.EN).keySet());
        for (Language language : Language.values()) {
            assertThat(new TreeSet<>(messages.bundle(language).keySet())).as(language.code()).isEqualTo(english);
        }
    }

    /** Two features defining one key would silently get the later one's text: merges must keep one. */
    @Test
    void bundles_defineEachKeyOnce() throws IOException {
        for (Language language : Language.values()) {
            Path file = Path.of("src/main/resources/org/ceir/web/messages_" + language.code() + ".properties");
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new TreeSet<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || equals < 0) {
                    continue;
                }
                String key = trimmed.substring(0, equals).strip();
                if (!seen.add(key)) {
                    repeated.add(key);
                }
            }
            assertThat(repeated).as(file.toString()).isEmpty();
        }
    }

    @Test
    void bundles_haveTheSamePlaceholdersInEveryLanguage() {
        for (String key : messages.bundle(Language.EN).keySet()) {
            Set<String> english = placeholders(messages.bundle(Language.EN).getString(key));
            for (Language language : Language.values()) {
                assertThat(placeholders(messages.bundle(language).getString(key))).as(language.code() + " " + key)
                        .isEqualTo(english);
            }
        }
    }

    @Test
    void templates_useOnlyKeysThatExist() throws IOException {
        Set<String> keys = messages.bundle(Language.EN).keySet();
        Pattern literal = Pattern.compile("page\\.t\\(\"([a-z0-9.-]+)\"\\s*[,)]");
        try (Stream<Path> files = Files.list(Path.of("src/main/jte"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    assertThat(keys).as(file.getFileName() + " uses " + matcher.group(1)).contains(matcher.group(1));
                }
            }
        }
    }

    @Test
    void everyStatusHasItsTexts() {
        for (PublicStatus status : PublicStatus.values()) {
            for (String part : new String[] {"title", "text", "next"}) {
                assertThat(messages.bundle(Language.AZ).containsKey("answer." + status + "." + part)).isTrue();
            }
            assertThat(messages.bundle(Language.AZ).containsKey("tone." + status.tone())).isTrue();
        }
        for (Role role : Role.values()) {
            assertThat(messages.bundle(Language.RU).containsKey("role." + role)).isTrue();
            assertThat(messages.bundle(Language.RU).containsKey("console.role." + role)).isTrue();
        }
    }

    @Test
    void registrationTexts_existForEveryReasonStatusAndDutyLine() {
        java.util.ResourceBundle az = messages.bundle(Language.AZ);
        for (org.ceir.registration.Refusal.Reason reason : org.ceir.registration.Refusal.Reason.values()) {
            assertThat(az.containsKey("apply.error." + reason)).as("apply.error." + reason).isTrue();
            assertThat(az.containsKey("refusal." + reason)).as("refusal." + reason).isTrue();
        }
        for (String status : new String[] {"PENDING_PAYMENT", "ACTIVE", "CANCELLED"}) {
            assertThat(az.containsKey("registration.status." + status)).isTrue();
            assertThat(az.containsKey("registration.next." + status)).isTrue();
        }
        for (String kind : new String[] {"INDIVIDUAL", "IMPORTER", "IMPORTED"}) {
            assertThat(az.containsKey("registration.kind." + kind)).isTrue();
        }
        for (String action : new String[] {"REGISTRATION_CREATED", "PAYMENT_RECEIVED", "REGISTRATION_ACTIVATED",
            "REGISTRATION_CANCELLED"}) {
            assertThat(az.containsKey("history." + action)).isTrue();
        }
        for (String code : new String[] {"price.catalogue", "price.given", "price.unlisted", "declared", "duty.bracket",
            "duty.rate", "duty.unlisted", "duty.importer", "excise.importer", "excise.exempt", "excise.beyond",
            "batch.model"}) {
            assertThat(az.containsKey("duty.basis." + code)).as("duty.basis." + code).isTrue();
        }
        for (String family : new String[] {"price", "declared", "duty", "excise"}) {
            assertThat(az.containsKey("duty.item." + family)).isTrue();
        }
    }

    @Test
    void get_fillsPlaceholders() {
        assertThat(messages.get(Language.EN, "imei.error.length", 12)).isEqualTo("You entered 12 digits; an IMEI has 15.");
        assertThat(messages.get(Language.EN, "no.such.key")).isEqualTo("[no.such.key]");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = Pattern.compile("\\{\\d}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
