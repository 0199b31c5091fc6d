package org.ceir.sbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EquipmentStatusQueryTest {
    private final EquipmentStatusQuery query = new EquipmentStatusQuery();

    private boolean parse(String text) {
        return query.parse(text, 0, text.length());
    }

    @Test
    void parse_allFourParameters() {
        assertThat(parse("pei=imei-352099001761481&supi=imsi-400011234567890&gpsi=msisdn-994501234567"
                + "&supported-features=0a")).isTrue();
        assertThat(query.peiForm()).isEqualTo(EquipmentStatusQuery.PeiForm.IMEI);
        assertThat(query.imei()).hasToString("352099001761481");
        assertThat(query.imsi()).hasToString("400011234567890");
        assertThat(query.msisdn()).hasToString("994501234567");
    }

    @Test
    void parse_peiOnlyHasNoImsiNorMsisdn() {
        assertThat(parse("pei=imeisv-3520990017614801")).isTrue();
        assertThat(query.peiForm()).isEqualTo(EquipmentStatusQuery.PeiForm.IMEISV);
        assertThat(query.imei()).hasToString("3520990017614801");
        assertThat(query.imsi()).isNull();
        assertThat(query.msisdn()).isNull();
    }

    @Test
    void parse_reusedBetweenRequestsForgetsTheLastOne() {
        assertThat(parse("pei=imei-352099001761481&supi=imsi-400011234567890")).isTrue();
        assertThat(parse("pei=imei-490154203237518")).isTrue();
        assertThat(query.imei()).hasToString("490154203237518");
        assertThat(query.imsi()).isNull();
        assertThat(parse("supi=imsi-400011234567890")).isFalse();
        assertThat(parse("pei=imei-490154203237518")).isTrue();
        assertThat(query.problems()).isEmpty();
    }

    @Test
    void parse_percentEncodingAnywhere() {
        assertThat(parse("p%65i=imei%2D35209900176148%31&%73upi=imsi-40001123456789%30")).isTrue();
        assertThat(query.imei()).hasToString("352099001761481");
        assertThat(query.imsi()).hasToString("400011234567890");
    }

    @Test
    void parse_prefixesInAnyCase() {
        assertThat(parse("pei=IMEI-352099001761481&supi=Imsi-400011234567890")).isTrue();
        assertThat(query.imei()).hasToString("352099001761481");
    }

    @Test
    void parse_emptySegmentsAreSkipped() {
        assertThat(parse("&&pei=imei-352099001761481&")).isTrue();
    }

    @Test
    void parse_wirelinePeiIsNotAnImei() {
        assertThat(parse("pei=mac-00-1b-44-11-3a-b7")).isTrue();
        assertThat(query.peiForm()).isEqualTo(EquipmentStatusQuery.PeiForm.NOT_IMEI);
        assertThat(parse("pei=mac-00-1b-44-11-3a-b7-untrusted")).isTrue();
        assertThat(parse("pei=eui-00-1b-44-11-3a-b7-00-01")).isTrue();
        assertThat(parse("pei=mac-00-1b-44")).isFalse();
    }

    @Test
    void parse_supiAndGpsiWithoutImsiOrMsisdnAreGoodButCarryNone() {
        assertThat(parse("pei=imei-352099001761481&supi=nai-user%40example.org&gpsi=extid-box1%40example.org"))
                .isTrue();
        assertThat(query.imsi()).isNull();
        assertThat(query.msisdn()).isNull();
    }

    @Test
    void parse_missingPei() {
        assertThat(parse("supi=imsi-400011234567890")).isFalse();
        assertThat(query.problemKind()).isEqualTo(ResponseKind.MANDATORY_QUERY_PARAM_MISSING);
        assertThat(query.problems()).singleElement().satisfies(p -> {
            assertThat(p.param()).isEqualTo("query pei");
            assertThat(p.reason()).contains("mandatory");
        });
        assertThat(parse("")).isFalse();
        assertThat(query.problemKind()).isEqualTo(ResponseKind.MANDATORY_QUERY_PARAM_MISSING);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pei=imei-35209900176148       | has 14 digits; an imei- PEI has 15",
        "pei=imei-3520990017614811     | has 16 digits; an imei- PEI has 15",
        "pei=imeisv-352099001761481    | has 15 digits; an imeisv- PEI has 16",
        "pei=imei-35209900176148x      | only digits may follow imei-",
        "pei=352099001761481           | has no prefix: give imei-352099001761481",
        "pei=3520990017614801          | has no prefix: give imeisv-3520990017614801",
        "pei=                          | pei is empty",
        "pei=phone                     | is not a PEI this EIR checks",
        "pei=imei-35%2                 | malformed percent-encoding",
        "pei=imei-352099001761481&pei=imei-352099001761481 | given more than once",
    })
    void parse_badPeiIsMandatoryParamIncorrect(String text, String reason) {
        assertThat(parse(text)).isFalse();
        assertThat(query.problemKind()).isEqualTo(ResponseKind.MANDATORY_QUERY_PARAM_INCORRECT);
        assertThat(query.problems()).singleElement().satisfies(p -> {
            assertThat(p.param()).isEqualTo("query pei");
            assertThat(p.reason()).contains(reason);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "supi=imsi-4000                    | query supi | has 4 digits; an imsi- SUPI has 5 to 15",
        "supi=400011234567890              | query supi | is not a SUPI: give imsi-",
        "supi=imsi-40001x                  | query supi | only digits may follow imsi-",
        "gpsi=msisdn-+994501234567         | query gpsi | only digits may follow msisdn-",
        "gpsi=994501234567                 | query gpsi | is not a GPSI: give msisdn-",
        "gpsi=extid-nodomain               | query gpsi | is not a GPSI",
        "supported-features=xyz            | query supported-features | hexadecimal",
    })
    void parse_badOptionalParameterIsOptionalParamIncorrect(String text, String param, String reason) {
        assertThat(parse("pei=imei-352099001761481&" + text)).isFalse();
        assertThat(query.problemKind()).isEqualTo(ResponseKind.OPTIONAL_QUERY_PARAM_INCORRECT);
        assertThat(query.problems()).singleElement().satisfies(p -> {
            assertThat(p.param()).isEqualTo(param);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void parse_unknownParameterIsInvalidQueryParam() {
        assertThat(parse("pei=imei-352099001761481&imsi=400011234567890")).isFalse();
        assertThat(query.problemKind()).isEqualTo(ResponseKind.INVALID_QUERY_PARAM);
        assertThat(query.problems()).singleElement().satisfies(p -> {
            assertThat(p.param()).isEqualTo("query imsi");
            assertThat(p.reason()).contains("pei, supi, gpsi and supported-features");
        });
    }

    @Test
    void parse_everyProblemIsNamedAndTheMandatoryOneSetsTheCause() {
        assertThat(parse("supi=imsi-1&gpsi=msisdn-x&colour=blue")).isFalse();
        assertThat(query.problems()).extracting(ProblemDetails.InvalidParam::param)
                .containsExactly("query colour", "query pei", "query supi", "query gpsi");
        assertThat(query.problemKind()).isEqualTo(ResponseKind.MANDATORY_QUERY_PARAM_MISSING);
    }

    @Test
    void parse_longValuesAreCutInTheReason() {
        assertThat(parse("pei=" + "x".repeat(500))).isFalse();
        assertThat(query.problems().get(0).reason()).hasSizeLessThan(200).contains("…");
    }

    @Test
    void parse_goodRequestAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String text = "pei=imei-352099001761481&supi=imsi-400011234567890&gpsi=msisdn-994501234567";
        for (int i = 0; i < 20_000; i++) {
            parse(text); // the buffers reach their size and the code is compiled
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        boolean good = true;
        for (int i = 0; i < 100_000; i++) {
            good &= parse(text);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(good).isTrue();
        assertThat(allocated).as("bytes allocated by 100,000 good parses").isLessThan(10_000);
    }
}
