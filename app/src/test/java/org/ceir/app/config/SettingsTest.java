package org.ceir.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.ceir.core.check.Outcome;
import org.ceir.diameter.DiameterPeer;
import org.ceir.diameter.DiameterSettings;
import org.ceir.eir.EirSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void load_defaultsAreAzerbaijanOnTheEmbeddedDatabase() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), Map.of());
        assertThat(settings.country().mcc()).isEqualTo("400");
        assertThat(settings.country().operators()).extracting(o -> o.code()).containsExactly("azercell", "bakcell", "nar");
        assertThat(settings.db().url()).isEmpty();
        assertThat(settings.db().poolSize()).isEqualTo(16);
    }

    @Test
    void load_diameterDefaultsListenOnLoopbackForTheThreeOperators() {
        DiameterSettings diameter = Settings.load(Optional.empty(), Map.of(), Map.of()).get(DiameterSettings.class);
        assertThat(diameter.host()).isEqualTo("127.0.0.1");
        assertThat(diameter.port()).isEqualTo(3868);
        assertThat(diameter.peers()).extracting(DiameterPeer::operator).containsExactly("azercell", "bakcell", "nar");
        assertThat(diameter.peers().get(0).realm()).isEqualTo("epc.mnc001.mcc400.3gppnetwork.org");
    }

    @Test
    void load_diameterPeersFromAFileAndMistakesNamed() throws Exception {
        Path file = write("""
                diameter:
                  port: 13868
                  peers:
                    - { host: mme1.example.org, realm: example.org, operator: operator1 }
                """);
        DiameterSettings diameter = Settings.load(Optional.of(file), Map.of(), Map.of()).get(DiameterSettings.class);
        assertThat(diameter.peers()).containsExactly(new DiameterPeer("mme1.example.org", "example.org", "operator1"));
        assertThat(diameter.port()).isEqualTo(13868);

        Path bad = write("diameter:\n  peers:\n    - { realm: example.org, operator: Operator-1 }\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(bad), Map.of(), Map.of()))
                .hasMessageContaining("diameter.peers[0].operator 'Operator-1'");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("CEIR_DIAMETER_PORT", "70000"), Map.of()))
                .hasMessageContaining("diameter.port 70000");
    }

    @Test
    void load_fileThenEnvironmentThenCommandLine() throws Exception {
        Path file = write("db:\n  pool-size: 4\n  url: jdbc:postgresql://file/ceir\n");
        Settings settings = Settings.load(Optional.of(file), Map.of("CEIR_DB_POOL_SIZE", "6"),
                Map.of("db.url", "jdbc:postgresql://cli/ceir"));
        assertThat(settings.db().poolSize()).isEqualTo(6);
        assertThat(settings.db().url()).isEqualTo("jdbc:postgresql://cli/ceir");
    }

    @Test
    void load_anotherCountryWithoutCode() throws Exception {
        Path file = write("""
                country:
                  name: Testland
                  mcc: "111"
                  country-code: "22"
                  national-number-length: 10
                  operators:
                    - { code: operator1, name: One, mcc: "111", mnc: "01" }
                  mnc-lengths: { "222": 3 }
                """);
        Settings settings = Settings.load(Optional.of(file), Map.of(), Map.of());
        assertThat(settings.country().operator("operator1").plmn()).isEqualTo("11101");
        assertThat(settings.country().mncLengths()).containsEntry("222", 3);
    }

    @Test
    void load_eirDefaultsAreTheEnginesDefaults() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), Map.of());
        assertThat(settings.eir()).isEqualTo(EirSettings.defaults());
    }

    @Test
    void load_eirPolicyFromFileAndEnvironment() throws Exception {
        Path file = write("eir:\n  malformed-imei: UNKNOWN\n  exempt-device-types: [Modem, IoT Device]\n");
        Settings settings = Settings.load(Optional.of(file), Map.of("CEIR_EIR_GRACE_DAYS", "10"), Map.of());
        assertThat(settings.eir().graceDays()).isEqualTo(10);
        assertThat(settings.eir().malformedImei()).isEqualTo(Outcome.UNKNOWN);
        assertThat(settings.eir().exemptDeviceTypes()).containsExactly("Modem", "IoT Device");
    }

    @Test
    void load_eirBadValuesAreNamed() throws Exception {
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("CEIR_EIR_GRACE_DAYS", "-3"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("eir.grace-days -3");
        Path file = write("eir:\n  never-seen: GREY\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("setting eir:")
                .hasMessageContaining("GREY").hasMessageContaining("GREYLISTED");
    }

    @Test
    void load_sbiSectionWithOperatorsByAddress() throws Exception {
        Path file = write("sbi:\n  port: 9081\n  operators:\n    \"10.1.0.5\": azercell\n");
        Settings settings = Settings.load(Optional.of(file), Map.of("CEIR_SBI_MAX_CONCURRENT_STREAMS", "100"), Map.of());
        assertThat(settings.sbi().port()).isEqualTo(9081);
        assertThat(settings.sbi().maxConcurrentStreams()).isEqualTo(100);
        assertThat(settings.sbi().operators()).containsEntry("10.1.0.5", "azercell");
        assertThat(Settings.load(Optional.empty(), Map.of(), Map.of()).sbi().port()).isEqualTo(8081);
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("CEIR_SBI_PORT", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sbi.port 70000");
    }

    @Test
    void load_detectDefaultsHaveTheCloneConditionAndADirbsConditionCopiesOver() throws Exception {
        Settings defaults = Settings.load(Optional.empty(), Map.of("CEIR_DETECT_WINDOW_DAYS", "60"), Map.of());
        assertThat(defaults.detect().windowDays()).isEqualTo(60);
        assertThat(defaults.detect().cloneConditions()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("clone");
            assertThat(c.blocking()).isTrue();
            assertThat(c.dimensions().get(0).module()).isEqualTo("concurrent_imsis");
        });
        Path file = write("""
                detect:
                  conditions:
                    - label: duplicate_mk1
                      reason: Duplicate IMEI detected
                      blocking: true
                      grace_period_days: 60
                      sticky: false
                      max_allowed_matching_ratio: 0.1
                      dimensions:
                        - module: duplicate_daily_avg
                          parameters: { threshold: 4.0, period_days: 30, min_seen_days: 5 }
                        - module: used_by_international_roamer
                          parameters: { lookback_days: 30 }
                          invert: true
                """);
        Settings settings = Settings.load(Optional.of(file), Map.of(), Map.of());
        assertThat(settings.detect().conditions()).singleElement().satisfies(c -> {
            assertThat(c.gracePeriodDays()).isEqualTo(60);
            assertThat(c.detectsClones()).isFalse();
            assertThat(c.dimensions().get(1).invert()).isTrue();
        });
    }

    @Test
    void load_badDetectConditionIsNamed() throws Exception {
        Path file = write("""
                detect:
                  conditions:
                    - label: clone
                      reason: copied
                      max_allowed_matching_ratio: 0.1
                      dimensions:
                        - module: concurrent_imsis
                          parameters: { min_imsis: 1, period_days: 90 }
                """);
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting detect: concurrent_imsis: parameter min_imsis is '1', expected a whole number"
                        + " of at least 2");
    }

    @Test
    void load_typoIsNamed() throws Exception {
        Path file = write("db:\n  pool-sise: 4\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'db.pool-sise'")
                .hasMessageContaining("pool-size");
    }

    @Test
    void load_contradictionIsNamed() throws Exception {
        Path file = write("country:\n  mcc: \"40\"\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("country.mcc '40'");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("CEIR_DB_POOL_SIZE", "0"), Map.of()))
                .hasMessageContaining("db.pool-size 0");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of(), Map.of("db.url", "mysql://x")))
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void load_missingFileAndBadYamlAreExplained() throws Exception {
        assertThatThrownBy(() -> Settings.load(Optional.of(dir.resolve("none.yaml")), Map.of(), Map.of()))
                .hasMessageContaining("does not exist");
        Path bad = write("db: [unclosed\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(bad), Map.of(), Map.of()))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void envName_followsThePath() {
        assertThat(Settings.envName("db.pool-size")).isEqualTo("CEIR_DB_POOL_SIZE");
        assertThat(Settings.envName("db.url")).isEqualTo("CEIR_DB_URL");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "ceir", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
