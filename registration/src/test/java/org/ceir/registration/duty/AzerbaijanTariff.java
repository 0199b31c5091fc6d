package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Azerbaijan's tariff versions as ceir-defaults.yaml sets them, for tests. */
public final class AzerbaijanTariff {
    private AzerbaijanTariff() {
    }

    public static final List<String> BASIC = List.of("Mobile Phone/Feature phone");

    public static List<TariffVersion> versions() {
        return List.of(
                new TariffVersion("AZ-2018", LocalDate.of(2018, 1, 1), "start day assumed", table(20, 30, 50, 60, 70, 100, 150),
                        BigDecimal.valueOf(20), null),
                new TariffVersion("AZ-2023-12", LocalDate.of(2023, 12, 14), "", table(15, 20, 30, 40, 50, 70, 100),
                        BigDecimal.valueOf(15), null),
                new TariffVersion("AZ-2026-EXCISE", LocalDate.of(2026, 1, 1), "start date not confirmed",
                        table(15, 20, 30, 40, 50, 70, 100), BigDecimal.valueOf(15),
                        new Excise(BigDecimal.valueOf(20), 1, BigDecimal.valueOf(100))));
    }

    public static Tariff tariff() {
        return new Tariff(versions(), "AZN", new BigDecimal("1.70"));
    }

    private static List<Bracket> table(int basic, int upTo100, int upTo200, int upTo400, int upTo700, int upTo1000,
                                       int above) {
        return List.of(
                new Bracket(BigDecimal.valueOf(100), BASIC, BigDecimal.valueOf(basic), null),
                Bracket.fixed(100, upTo100),
                Bracket.fixed(200, upTo200),
                Bracket.fixed(400, upTo400),
                Bracket.fixed(700, upTo700),
                Bracket.fixed(1000, upTo1000),
                Bracket.fixed(null, above));
    }
}
