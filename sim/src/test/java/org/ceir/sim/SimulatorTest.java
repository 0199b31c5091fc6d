package org.ceir.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ceir.core.country.Country;
import org.ceir.core.country.NumberingPlan;
import org.ceir.core.country.Operator;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.Imsi;
import org.ceir.core.network.Rat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One simulated country of 20,000 subscribers over 20 days, read back and checked file by file. */
class SimulatorTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final int DAYS = 20;
    private static final Pattern DATE = Pattern.compile("2026(03(0[1-9]|1[0-9]|20))");
    private static final Pattern IMEI = Pattern.compile("[0-9]{15,16}");
    private static final Pattern MALFORMED = Pattern.compile("[0-9]{13}|(?=.*[A-F])[0-9A-F]{15}");
    private static final Pattern RAT = Pattern.compile("(001|002|006|010)(\\|(001|002|006|010))*");

    @TempDir
    static Path temp;
    static Output output;
    static SimulationSummary summary;

    @BeforeAll
    static void simulate() {
        summary = Simulator.run(parameters(temp.resolve("country"), 20_000, 2), SimulationProgress.SILENT);
        output = new Output(temp.resolve("country"));
    }

    static SimulationParameters parameters(Path out, int subscribers, int threads) {
        return new SimulationParameters(out, subscribers, DAYS, START, 7, threads, Country.azerbaijan(), false);
    }

    @Test
    void run_writesOneFilePerOperatorPerDay() {
        assertThat(output.headers).hasSize(3 * DAYS).containsOnly("date,imei,imsi,msisdn,rat");
        assertThat(output.rows.stream().map(Output.Row::file).distinct()).hasSize(3 * DAYS)
                .contains("azercell_20260301_20260301.csv.gz", "bakcell_20260310_20260310.csv.gz",
                        "nar_20260320_20260320.csv.gz");
        assertThat(summary.rows()).isEqualTo(output.rows.size());
        assertThat(summary.operatorFiles()).isEqualTo(3 * DAYS);
    }

    @Test
    void run_everyRowIsValid() {
        NumberingPlan plan = new NumberingPlan(Country.azerbaijan());
        for (Output.Row row : output.rows) {
            assertThat(row.date()).as(row.toString()).matches(DATE).isEqualTo(row.fileDate());
            assertThat(IMEI.matcher(row.imei()).matches() || MALFORMED.matcher(row.imei()).matches())
                    .as(row.toString()).isTrue();
            assertThat(row.imsi()).as(row.toString()).matches("[0-9]{15}");
            if (!row.msisdn().isEmpty()) {
                assertThat(plan.parseMsisdn("+" + row.msisdn()).digits()).isEqualTo(row.msisdn());
            }
            assertThat(row.rat()).as(row.toString()).matches(RAT);
            assertThat(Rat.parseBitmask(row.rat())).isPositive();
        }
    }

    @Test
    void run_fifteenthDigitIsTheLuhnDigitOrASpareZero() {
        Map<String, Long> kinds = output.rows.stream().filter(r -> IMEI.matcher(r.imei()).matches())
                .collect(Collectors.groupingBy(r -> kind(r.imei()), Collectors.counting()));
        assertThat(kinds).containsOnlyKeys("luhn", "spare", "imeisv");
        long all = output.rows.size();
        assertThat(kinds.get("luhn")).isGreaterThan(all * 8 / 10);
        assertThat(kinds.get("spare")).isBetween(all / 50, all / 5);
        assertThat(kinds.get("imeisv")).isBetween(all / 200, all / 20);
    }

    private static String kind(String imei) {
        if (imei.length() == 16) {
            return "imeisv";
        }
        if (Imei.ofKey(Long.parseLong(imei.substring(0, 14))).toString().equals(imei)) {
            return "luhn";
        }
        return imei.charAt(14) == '0' ? "spare" : "wrong";
    }

    @Test
    void run_oneRowPerDistinctTuple() {
        Set<String> seen = new HashSet<>();
        for (Output.Row row : output.rows) {
            assertThat(seen.add(row.file() + "," + row.imei() + "," + row.imsi() + "," + row.msisdn()))
                    .as("duplicate %s", row).isTrue();
        }
    }

    @Test
    void run_dirtStaysFarBelowTheImporterThresholds() {
        double rows = output.rows.size();
        double empty = output.rows.stream().filter(r -> r.msisdn().isEmpty()).count() / rows;
        double malformed = output.rows.stream().filter(r -> MALFORMED.matcher(r.imei()).matches()).count() / rows;
        double foreign = output.rows.stream().filter(r -> !r.imsi().startsWith("400")).count() / rows;
        Map<String, String> plmns = Map.of("azercell", "40001", "bakcell", "40002", "nar", "40004");
        double offNetwork = output.rows.stream().filter(r -> !r.imsi().startsWith(plmns.get(r.operator()))).count() / rows;
        assertThat(empty).as("empty MSISDNs").isBetween(0.0005, 0.002);
        assertThat(malformed).as("malformed IMEIs").isBetween(0.00005, 0.001);
        assertThat(output.rows.stream().filter(r -> r.imei().length() == 13)).isNotEmpty();
        assertThat(output.rows.stream().filter(r -> r.imei().matches(".*[A-F].*"))).isNotEmpty();
        assertThat(foreign).as("foreign IMSIs").isBetween(0.0005, 0.02);
        assertThat(offNetwork).as("IMSIs of another network").isLessThan(0.05);
    }

    @Test
    void run_ratsFollowTheRadiosOfTheModelExceptOnClones() {
        Map<String, Integer> radiosByTac = new HashMap<>();
        for (String line : output.lines("tac.csv").subList(1, output.lines("tac.csv").size())) {
            String[] f = line.split("\\|");
            int mask = 0;
            for (String radio : f[6].split(",")) {
                mask |= Map.of("GSM", Rat.GERAN, "WCDMA", Rat.UTRAN, "LTE", Rat.EUTRAN, "NR", Rat.NR).get(radio).bit();
            }
            radiosByTac.put(f[0], mask);
        }
        long inconsistentClones = 0;
        for (Output.Row row : output.rows) {
            String body = Output.body(row.imei());
            Integer supported = body == null ? null : radiosByTac.get(body.substring(0, 8));
            if (supported == null) {
                continue;
            }
            boolean consistent = (Rat.parseBitmask(row.rat()) & ~supported) == 0;
            if (!consistent) {
                assertThat(output.truth.get(body).cloned()).as("inconsistent RAT on a phone that is not a clone: %s", row)
                        .isTrue();
                inconsistentClones++;
            }
        }
        assertThat(inconsistentClones).isPositive();
    }

    @Test
    void run_truthNamesEveryImeiInTheFilesAndNoOther() {
        Set<String> inFiles = output.rows.stream().map(r -> Output.body(r.imei())).filter(b -> b != null)
                .collect(Collectors.toSet());
        assertThat(output.truth.keySet()).isEqualTo(inFiles);
        assertThat(output.lines("truth.csv").get(0)).isEqualTo("imei,persona,is_clone,ring_id,ring_size");
        assertThat(output.lines("truth.csv")).hasSize(output.truth.size() + 1);
    }

    @Test
    void run_everyPersonaIsInTheTruth() {
        Set<String> personas = output.truth.values().stream().map(Output.Truth::persona).collect(Collectors.toSet());
        assertThat(personas).containsExactlyInAnyOrder(Arrays.stream(Persona.values()).map(Persona::label)
                .toArray(String[]::new));
        for (Persona persona : Persona.values()) {
            assertThat(summary.imeis().get(persona)).as(persona.label()).isEqualTo(
                    output.truth.values().stream().filter(t -> t.persona().equals(persona.label())).count());
        }
    }

    @Test
    void run_peopleAddUpToTheSubscribers() {
        long people = summary.people().entrySet().stream().filter(e -> e.getKey() != Persona.ROAMER)
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(people).isEqualTo(20_000);
        assertThat(summary.people().get(Persona.SINGLE)).isBetween(10_000L, 15_000L);
        assertThat(summary.people().get(Persona.ROAMER)).isEqualTo(400);
    }

    @Test
    void run_ringSizeCountsThePhonesAndEachHasItsOwnSim() {
        Map<String, Set<String>> imsis = new HashMap<>();
        Map<String, Map<String, Set<String>>> imsisByDay = new HashMap<>();
        for (Output.Row row : output.rows) {
            String body = Output.body(row.imei());
            if (body != null) {
                imsis.computeIfAbsent(body, b -> new HashSet<>()).add(row.imsi());
                imsisByDay.computeIfAbsent(body, b -> new HashMap<>())
                        .computeIfAbsent(row.date(), d -> new HashSet<>()).add(row.imsi());
            }
        }
        List<Output.Truth> clones = output.truth.values().stream().filter(Output.Truth::cloned).toList();
        assertThat(clones).isNotEmpty();
        assertThat(clones.stream().mapToInt(Output.Truth::ringSize).max().orElseThrow()).isGreaterThanOrEqualTo(20);
        for (Output.Truth clone : clones) {
            assertThat(clone.ringSize()).isBetween(1, RingSizes.LARGEST);
            assertThat(clone.persona()).isEqualTo("clone");
            assertThat(clone.ringId()).isNotEmpty();
            assertThat(imsis.get(clone.imei()).size()).as(clone.toString()).isGreaterThanOrEqualTo(clone.ringSize());
        }
        Output.Truth largest = clones.stream().max((a, b) -> Integer.compare(a.ringSize(), b.ringSize())).orElseThrow();
        int mostAtOnce = imsisByDay.get(largest.imei()).values().stream().mapToInt(Set::size).max().orElseThrow();
        assertThat(mostAtOnce).as("phones of the largest ring active on one day").isGreaterThan(largest.ringSize() / 2);
        assertThat(output.truth.values().stream().filter(t -> !t.cloned()))
                .allSatisfy(t -> assertThat(t.ringSize()).isEqualTo(1))
                .allSatisfy(t -> assertThat(t.ringId()).isEmpty());
    }

    @Test
    void run_registrationsHoldDonorsAndGroupDualSimPhones() {
        List<String> lines = output.lines("registrations.csv");
        assertThat(lines.get(0)).isEqualTo(
                "approved_imei,make,model,status,model_number,brand_name,device_type,radio_interface,device_id");
        Map<String, List<String>> byDevice = new TreeMap<>();
        Set<String> registered = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            assertThat(f).hasSize(9);
            assertThat(f.get(0)).matches("[0-9]{14}");
            assertThat(f.get(3)).isEqualTo("whitelist");
            assertThat(f.get(6)).isIn("Smartphone", "Mobile Phone/Feature phone", "Tablet", "Modem", "IoT Device");
            assertThat(registered.add(f.get(0))).as("registered twice: " + f.get(0)).isTrue();
            byDevice.computeIfAbsent(f.get(8), d -> new ArrayList<>()).add(f.get(0));
        }
        assertThat(byDevice.values()).allSatisfy(imeis -> assertThat(imeis).hasSizeBetween(1, 2));
        assertThat(byDevice.values().stream().filter(imeis -> imeis.size() == 2))
                .isNotEmpty()
                .allSatisfy(imeis -> assertThat(Long.parseLong(imeis.get(1)) - Long.parseLong(imeis.get(0))).isEqualTo(1));
        for (Output.Truth truth : output.truth.values()) {
            if (truth.cloned()) {
                assertThat(registered).as("donor " + truth.imei()).contains(truth.imei());
            } else if (truth.persona().equals("roamer")) {
                assertThat(registered).doesNotContain(truth.imei());
            }
        }
        long importsUnregistered = output.truth.values().stream()
                .filter(t -> t.persona().equals("imported") && !registered.contains(t.imei())).count();
        assertThat(importsUnregistered).isPositive();
    }

    @Test
    void run_stolenPhonesShowANewSimAfterTheReport() {
        List<String> lines = output.lines("stolen.csv");
        assertThat(lines.get(0)).isEqualTo("imei,reporting_date,status");
        Map<String, String> reported = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(3);
            assertThat(f[0]).matches("[0-9]{14}");
            assertThat(f[1]).matches("20[0-9]{6}");
            assertThat(f[2]).isEmpty();
            reported.put(f[0], f[1]);
        }
        int checked = 0;
        for (Map.Entry<String, String> stolen : reported.entrySet()) {
            List<Output.Row> rows = output.rows.stream().filter(r -> stolen.getKey().equals(Output.body(r.imei())))
                    .toList();
            Set<String> before = rows.stream().filter(r -> r.date().compareTo(stolen.getValue()) <= 0)
                    .map(Output.Row::imsi).collect(Collectors.toSet());
            Set<String> after = rows.stream().filter(r -> r.date().compareTo(stolen.getValue()) > 0)
                    .map(Output.Row::imsi).collect(Collectors.toSet());
            if (!before.isEmpty() && !after.isEmpty()) {
                assertThat(after).as("SIMs after the report of " + stolen.getKey()).doesNotContainAnyElementsOf(before);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void run_catalogueAndPricesAreWellFormed() {
        List<String> tac = output.lines("tac.csv");
        assertThat(tac.get(0)).isEqualTo("TAC|Manufacturer|Model_Name|Bands|Allocation_Date|Device_Type|"
                + "Radio_Interface|Brand_Name|Marketing_Name|Operating_System");
        Set<String> models = new HashSet<>();
        for (String line : tac.subList(1, tac.size())) {
            String[] f = line.split("\\|", -1);
            assertThat(f).hasSize(10);
            assertThat(f[0]).matches("[0-9]{8}");
            assertThat(f[4]).matches("20[0-9]{2}-[01][0-9]-[0-3][0-9]");
            assertThat(f[5]).isIn("Smartphone", "Mobile Phone/Feature phone", "Tablet", "Modem", "IoT Device");
            assertThat(f[6]).matches("GSM(,WCDMA(,LTE(,NR)?)?)?");
            models.add(f[7] + "," + f[8]);
        }
        List<String> prices = output.lines("prices.csv");
        assertThat(prices.get(0)).isEqualTo("manufacturer,model,market_price_usd");
        Set<String> priced = new HashSet<>();
        for (String line : prices.subList(1, prices.size())) {
            List<String> f = csv(line);
            assertThat(Integer.parseInt(f.get(2))).isBetween(5, 5000);
            priced.add(f.get(0) + "," + f.get(1));
        }
        assertThat(priced).isEqualTo(models);
        // Some phones carry TACs the GSMA never allocated.
        Set<String> tacs = tac.stream().skip(1).map(l -> l.substring(0, 8)).collect(Collectors.toSet());
        assertThat(output.truth.keySet().stream().filter(imei -> !tacs.contains(imei.substring(0, 8)))).isNotEmpty();
    }

    @Test
    void run_readmeGivesTheParametersAndCounts() {
        String readme = String.join("\n", output.lines("README.txt"));
        assertThat(readme).contains("seed         7", "subscribers  20,000", "2026-03-01 to 2026-03-20 (20 days)",
                "clone rings", "family_shared");
    }

    @Test
    void run_sameSeedGivesIdenticalFilesWhateverTheThreads() throws IOException {
        Path again = temp.resolve("again");
        Simulator.run(parameters(again, 20_000, 1), SimulationProgress.SILENT);
        assertThat(contents(again)).isEqualTo(contents(temp.resolve("country")));
    }

    @Test
    void run_monthlyFilesHoldTheDailyFilesRowsOnePerOperatorAndMonth() {
        LocalDate start = LocalDate.of(2026, 3, 25);
        SimulationParameters daily = new SimulationParameters(temp.resolve("by-day"), 2_000, 10, start, 7, 2,
                Country.azerbaijan(), false);
        Simulator.run(daily, SimulationProgress.SILENT);
        SimulationSummary summary = Simulator.run(new SimulationParameters(temp.resolve("by-month"), 2_000, 10, start,
                7, 2, Country.azerbaijan(), false).monthlyFiles(), SimulationProgress.SILENT);
        Output byDay = new Output(temp.resolve("by-day"));
        Output byMonth = new Output(temp.resolve("by-month"));

        assertThat(byMonth.rows.stream().map(Output.Row::file).distinct()).containsExactlyInAnyOrder(
                "azercell_20260325_20260331.csv.gz", "azercell_20260401_20260403.csv.gz",
                "bakcell_20260325_20260331.csv.gz", "bakcell_20260401_20260403.csv.gz",
                "nar_20260325_20260331.csv.gz", "nar_20260401_20260403.csv.gz");
        assertThat(byMonth.headers).hasSize(6).containsOnly("date,imei,imsi,msisdn,rat");
        assertThat(summary.operatorFiles()).isEqualTo(6);
        assertThat(byMonth.rows.stream().map(SimulatorTest::withoutFile).toList())
                .containsExactlyElementsOf(byDay.rows.stream().map(SimulatorTest::withoutFile).toList());
    }

    private static List<String> withoutFile(Output.Row row) {
        return List.of(row.operator(), row.date(), row.imei(), row.imsi(), row.msisdn(), row.rat());
    }

    @Test
    void run_anotherSeedGivesAnotherCountry() throws IOException {
        Path other = temp.resolve("other-seed");
        Simulator.run(new SimulationParameters(other, 2_000, DAYS, START, 8, 2, Country.azerbaijan(), false),
                SimulationProgress.SILENT);
        Path same = temp.resolve("same-seed");
        Simulator.run(new SimulationParameters(same, 2_000, DAYS, START, 7, 2, Country.azerbaijan(), false),
                SimulationProgress.SILENT);
        assertThat(contents(other).get("truth.csv")).isNotEqualTo(contents(same).get("truth.csv"));
        assertThat(contents(other).get("tac.csv")).isEqualTo(contents(same).get("tac.csv"));
    }

    @Test
    void run_refusesAnEarlierSimulationUnlessOverwriting() throws IOException {
        Path dir = temp.resolve("twice");
        Simulator.run(new SimulationParameters(dir, 200, 2, START, 1, 1, Country.azerbaijan(), false),
                SimulationProgress.SILENT);
        assertThatThrownBy(() -> Simulator.run(new SimulationParameters(dir, 200, 3, START, 1, 1,
                Country.azerbaijan(), false), SimulationProgress.SILENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds a simulation").hasMessageContaining("--overwrite");
        Simulator.run(new SimulationParameters(dir, 200, 1, START, 1, 1, Country.azerbaijan(), true),
                SimulationProgress.SILENT);
        try (Stream<Path> files = Files.list(dir.resolve("operator"))) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void run_refusesADirectoryHoldingOtherFiles() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Simulator.run(new SimulationParameters(dir, 200, 2, START, 1, 1,
                Country.azerbaijan(), true), SimulationProgress.SILENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds files the simulator did not write (e.g. notes.txt)");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void run_failureLeavesNoPartialSimulation() throws IOException {
        Path dir = temp.resolve("interrupted");
        SimulationProgress failing = new SimulationProgress() {
            @Override
            public void step(String description) {
                if (description.startsWith("writing the catalogue")) {
                    throw new IllegalStateException("stopped after the operator files");
                }
            }

            @Override
            public void files(int done, int total, long rows, long elapsedNanos) {
            }
        };
        assertThatThrownBy(() -> Simulator.run(new SimulationParameters(dir, 500, 3, START, 1, 2, Country.azerbaijan(),
                false), failing)).hasMessage("stopped after the operator files");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void run_usesTheConfiguredCountry() {
        Country testland = new Country("Testland", "111", "22", "0", 10,
                List.of(new Operator("operator1", "One", "111", "01"), new Operator("operator2", "Two", "111", "02")),
                Map.of());
        Path dir = temp.resolve("testland");
        Simulator.run(new SimulationParameters(dir, 1_000, 3, START, 1, 2, testland, false), SimulationProgress.SILENT);
        Output testlandOutput = new Output(dir);
        NumberingPlan plan = new NumberingPlan(testland);
        assertThat(testlandOutput.rows.stream().map(Output.Row::operator).distinct())
                .containsExactlyInAnyOrder("operator1", "operator2");
        for (Output.Row row : testlandOutput.rows) {
            Imsi imsi = Imsi.parse(row.imsi());
            if (plan.isHome(imsi)) {
                assertThat(plan.operatorOf(imsi)).as(row.toString()).isPresent();
                if (!row.msisdn().isEmpty()) {
                    assertThat(row.msisdn()).startsWith("22").hasSize(12);
                }
            } else {
                assertThat(imsi.mcc()).isNotEqualTo("111");
            }
        }
    }

    /** Every file under a directory: relative name to the SHA-256 of its bytes. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(dir.relativize(file).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return contents;
    }

    /** Splits a CSV line with quoted fields (RFC 4180). */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
