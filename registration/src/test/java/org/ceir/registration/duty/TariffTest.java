package org.ceir.registration.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TariffTest {
    private static final Tariff TARIFF = AzerbaijanTariff.tariff();
    private static final LocalDate IN_2024 = LocalDate.of(2024, 6, 1);

    private static DutyQuote person(LocalDate on, String price, String type, int earlier) {
        return TARIFF.quote(new DutyRequest(on, Payer.PERSON, "Apple", "iPhone 13", type,
                price == null ? Optional.empty() : Optional.of(new BigDecimal(price)), Optional.empty(), earlier));
    }

    @Test
    void quote_bracketsOf2023() {
        assertThat(person(IN_2024, "100", "Smartphone", 0).total()).isEqualByComparingTo("20");
        assertThat(person(IN_2024, "100.01", "Smartphone", 0).total()).isEqualByComparingTo("30");
        assertThat(person(IN_2024, "400", "Smartphone", 0).total()).isEqualByComparingTo("40");
        assertThat(person(IN_2024, "850", "Smartphone", 0).total()).isEqualByComparingTo("70");
        assertThat(person(IN_2024, "1000", "Smartphone", 0).total()).isEqualByComparingTo("70");
        assertThat(person(IN_2024, "1299", "Smartphone", 0).total()).isEqualByComparingTo("100");
    }

    @Test
    void quote_featurePhoneUnder100PaysTheBasicRate() {
        assertThat(person(IN_2024, "35", "Mobile Phone/Feature phone", 0).total()).isEqualByComparingTo("15");
        assertThat(person(IN_2024, "150", "Mobile Phone/Feature phone", 0).total()).isEqualByComparingTo("30");
    }

    @Test
    void quote_versionChosenByDay() {
        assertThat(person(LocalDate.of(2023, 12, 13), "850", null, 0).tariffVersion()).isEqualTo("AZ-2018");
        assertThat(person(LocalDate.of(2023, 12, 13), "850", null, 0).total()).isEqualByComparingTo("100");
        assertThat(person(LocalDate.of(2023, 12, 14), "850", null, 0).total()).isEqualByComparingTo("70");
    }

    @Test
    void quote_modelNotInCatalogueIsFlat() {
        DutyQuote quote = person(IN_2024, null, null, 0);
        assertThat(quote.total()).isEqualByComparingTo("15");
        assertThat(quote.lines()).extracting(DutyLine::basis).anyMatch(b -> b.contains("not in the price catalogue"));
    }

    @Test
    void quote_exciseExemptsTheFirstPersonalImportOfTheYear() {
        LocalDate in2026 = LocalDate.of(2026, 11, 24);
        assertThat(person(in2026, "850", null, 0).total()).isEqualByComparingTo("70");
        DutyQuote second = person(in2026, "850", null, 1);
        assertThat(second.total()).isEqualByComparingTo("170");
        assertThat(second.assumption()).contains("not confirmed");
        assertThat(second.render()).anyMatch(line -> line.contains("personal import 2 of 2026"));
    }

    @Test
    void quote_importerPaysTheExciseOnly() {
        DutyQuote quote = TARIFF.quote(new DutyRequest(LocalDate.of(2026, 2, 1), Payer.IMPORTER, "Apple", "iPhone 13",
                null, Optional.of(new BigDecimal("850")), Optional.empty(), 0));
        assertThat(quote.total()).isEqualByComparingTo("20");
        assertThat(TARIFF.quote(new DutyRequest(IN_2024, Payer.IMPORTER, "Apple", "iPhone 13", null,
                Optional.of(new BigDecimal("850")), Optional.empty(), 0)).total()).isEqualByComparingTo("0");
    }

    @Test
    void quote_showsTheConversionAndTheDeclaredPrice() {
        DutyQuote quote = TARIFF.quote(new DutyRequest(IN_2024, Payer.PERSON, "Apple", "iPhone 13", null,
                Optional.of(new BigDecimal("850")), Optional.of(new BigDecimal("600")), 0));
        assertThat(quote.render()).anySatisfy(line -> assertThat(line).contains("$850.00").contains("1,445.00 AZN")
                .contains("1.7 AZN/USD"));
        assertThat(quote.render()).anySatisfy(line -> assertThat(line).contains("$600.00 as declared"));
        assertThat(quote.render()).anySatisfy(line -> assertThat(line).contains("over $700.00 up to $1,000.00"));
    }

    @Test
    void quote_everyLineCarriesItsCodeAndFiguresForOtherLanguages() {
        DutyQuote quote = TARIFF.quote(new DutyRequest(LocalDate.of(2026, 11, 24), Payer.PERSON, "Apple", "iPhone 13",
                null, Optional.of(new BigDecimal("850")), Optional.of(new BigDecimal("600")), 1));
        assertThat(quote.lines()).extracting(DutyLine::code)
                .containsExactly("price.catalogue", "declared", "duty.bracket", "excise.beyond");
        assertThat(quote.lines().get(0).args()).containsExactly("Apple iPhone 13", "$850.00", "1,445.00 AZN", "1.7");
        assertThat(quote.lines().get(2).args()).containsExactly("$700.00", "$1,000.00", "");
        assertThat(quote.lines().get(3).args()).containsExactly("2", "2026", "1");
        DutyQuote unlisted = TARIFF.quote(new DutyRequest(IN_2024, Payer.PERSON, "", "", null, Optional.empty(),
                Optional.empty(), 0));
        assertThat(unlisted.lines()).extracting(DutyLine::code).containsExactly("price.unlisted", "duty.unlisted");
        DutyQuote byPrice = TARIFF.quote(new DutyRequest(IN_2024, Payer.PERSON, "", "", "Mobile Phone/Feature phone",
                Optional.of(new BigDecimal("35")), Optional.empty(), 0));
        assertThat(byPrice.lines()).extracting(DutyLine::code).containsExactly("price.given", "duty.bracket");
        assertThat(byPrice.lines().get(1).args()).containsExactly("", "$100.00", "Mobile Phone/Feature phone");
    }

    @Test
    void quote_rateBracketChargesAShareOfTheConvertedPrice() {
        Tariff rated = new Tariff(List.of(new TariffVersion("T", LocalDate.of(2020, 1, 1), "",
                List.of(new Bracket(null, List.of(), null, new BigDecimal("5"))), BigDecimal.TEN, null)), "AZN",
                new BigDecimal("1.70"));
        DutyQuote quote = rated.quote(new DutyRequest(IN_2024, Payer.PERSON, "", "", null,
                Optional.of(new BigDecimal("850")), Optional.empty(), 0));
        assertThat(quote.total()).isEqualByComparingTo("72.25");
        assertThat(quote.lines().get(1).code()).isEqualTo("duty.rate");
        assertThat(quote.lines().get(1).args()).containsExactly("", "", "", "5", "1,445.00 AZN");
    }

    @Test
    void quote_beforeTheFirstVersionIsRefused() {
        assertThatThrownBy(() -> person(LocalDate.of(2010, 1, 1), "100", null, 0))
                .hasMessageContaining("no duty tariff is in force on 2010-01-01");
    }

    @Test
    void tariffVersion_bracketsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> new TariffVersion("X", LocalDate.of(2020, 1, 1), "",
                List.of(Bracket.fixed(200, 30), Bracket.fixed(100, 20), Bracket.fixed(null, 50)), BigDecimal.ONE, null))
                .hasMessageContaining("list brackets from the cheapest");
        assertThatThrownBy(() -> new TariffVersion("X", LocalDate.of(2020, 1, 1), "",
                List.of(Bracket.fixed(100, 20)), BigDecimal.ONE, null))
                .hasMessageContaining("the last bracket must take every phone");
        assertThatThrownBy(() -> new Bracket(null, List.of(), BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("either an amount or a rate-percent");
    }

    @Test
    void tariff_twoVersionsOnOneDayAreRefused() {
        TariffVersion a = AzerbaijanTariff.versions().get(1);
        TariffVersion b = new TariffVersion("B", a.effectiveFrom(), "", a.brackets(), a.notInCatalogue(), null);
        assertThatThrownBy(() -> new Tariff(List.of(a, b), "AZN", BigDecimal.ONE))
                .hasMessageContaining("both start on 2023-12-14");
    }
}
