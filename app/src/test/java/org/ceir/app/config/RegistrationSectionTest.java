package org.ceir.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ceir.registration.RegistrationSettings;
import org.ceir.registration.duty.DutyRequest;
import org.ceir.registration.duty.Payer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code registration} section of ceir-defaults.yaml: Azerbaijan's tariffs, bound and validated. */
class RegistrationSectionTest {
    @TempDir
    Path dir;

    private static BigDecimal duty(RegistrationSettings settings, String day, String usd, String type, int earlier) {
        return settings.tariff().quote(new DutyRequest(LocalDate.parse(day), Payer.PERSON, "", "", type,
                Optional.of(new BigDecimal(usd)), Optional.empty(), earlier)).total();
    }

    @Test
    void defaults_carryAzerbaijansTables() {
        RegistrationSettings settings = Settings.load(Optional.empty(), Map.of(), Map.of()).registration();
        assertThat(settings.tariff().versions()).extracting(v -> v.id())
                .containsExactly("AZ-2018", "AZ-2023-12", "AZ-2026-EXCISE");
        assertThat(duty(settings, "2023-01-10", "850", "Smartphone", 0)).isEqualByComparingTo("100");
        assertThat(duty(settings, "2024-01-10", "850", "Smartphone", 0)).isEqualByComparingTo("70");
        assertThat(duty(settings, "2024-01-10", "60", "Mobile Phone/Feature phone", 0)).isEqualByComparingTo("15");
        assertThat(duty(settings, "2026-03-01", "850", "Smartphone", 1)).isEqualByComparingTo("170");
        assertThat(settings.tariff().versionOn(LocalDate.parse("2026-03-01")).assumption()).contains("no confirmed start date");
        assertThat(settings.graceDays()).isEqualTo(30);
        assertThat(settings.sms().channel()).isEqualTo("log");
    }

    @Test
    void load_aBadTariffNamesTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("ceir.yaml"), "registration:\n  tariffs:\n"
                + "    - { id: X, effective-from: \"2020-01-01\", not-in-catalogue: 5, brackets: [ { up-to-usd: 100, amount: 5 } ] }\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("setting registration: tariff X").hasMessageContaining("the last bracket must take every phone");
    }

    @Test
    void load_smppWithoutAnSmscIsRefused() {
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("CEIR_REGISTRATION_SMS_CHANNEL", "smpp"), Map.of()))
                .hasMessageContaining("registration.sms.channel smpp needs registration.sms.smsc");
    }
}
