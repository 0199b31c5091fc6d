package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DutyPagesTest {
    private static TestServer web;

    @BeforeAll
    static void start() {
        web = RegistrationFixture.server();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void page_showsTheTariffInForceAndTheCatalogue() {
        HttpResponse<String> page = web.get("/duty?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The tariff in force: AZ-2026-EXCISE", "over $700.00 up to $1,000.00",
                "70.00 AZN", "Model not in the price catalogue", "the first 1 personal import(s) of each calendar year are free",
                "<option value=\"Apple iPhone 13\">Apple iPhone 13 — $850.00</option>")
                .doesNotContain("id=\"quote\"");
    }

    @Test
    void page_modelFromTheCatalogueIsChargedByItsMarketPriceLineByLine() {
        HttpResponse<String> page = web.get("/duty?lang=en&model=Apple+iPhone+13&price=600");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Duty to pay: 70.00 AZN",
                "Apple iPhone 13: $850.00 in the price catalogue = 1,445.00 AZN at 1.7 per US dollar",
                "$600.00 as declared", "bracket over $700.00 up to $1,000.00",
                "exempt: personal import 1 of 2026 (the first 1 a year are free)", "Tariff AZ-2026-EXCISE");
    }

    @Test
    void page_speaksAzerbaijaniAndRussian() {
        String az = web.get("/duty?lang=az&model=Apple+iPhone+13").body();
        String ru = web.get("/duty?lang=ru&model=Apple+iPhone+13").body();

        assertThat(az).contains("Ödəniləcək rüsum: 70.00 AZN", "qiymət kataloqunda $850.00", "Dövlət rüsumu");
        assertThat(ru).contains("Пошлина к оплате: 70.00 AZN", "в ценовом каталоге", "свыше $700.00 до $1,000.00");
    }

    @Test
    void page_secondImportOfTheYearPaysTheExcise() {
        assertThat(web.get("/duty?lang=en&model=Samsung+Galaxy+A05s&earlier=1").body())
                .contains("Duty to pay: 130.00 AZN", "personal import 2 of 2026: flat rate beyond 1 a year");
    }

    @Test
    void page_priceOnlyAndUnknownModel() {
        assertThat(web.get("/duty?lang=en&price=35").body()).contains("Duty to pay: 20.00 AZN", "a phone at $35.00");
        assertThat(web.get("/duty?lang=en&model=Nothing+Phone+9&price=2000").body())
                .contains("Duty to pay: 15.00 AZN", "flat rate for a model not in the price catalogue",
                        "This model is not in the ministry's price catalogue");
    }

    @Test
    void page_badInputIsExplained() {
        HttpResponse<String> price = web.get("/duty?lang=en&price=abc");
        HttpResponse<String> earlier = web.get("/duty?lang=en&model=Apple+iPhone+13&earlier=500");

        assertThat(price.statusCode()).isEqualTo(400);
        assertThat(price.body()).contains("The price is an amount in US dollars").doesNotContain("id=\"quote\"");
        assertThat(earlier.statusCode()).isEqualTo(400);
        assertThat(earlier.body()).contains("a whole number from 0 to 50");
    }

    @Test
    void api_answersTheComputationAsJsonInTheAskedLanguage() throws Exception {
        HttpResponse<String> response = web.get("/api/v1/duty?model=Apple%20iPhone%2013", "Accept-Language", "ru");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("total").asText()).isEqualTo("70.00");
        assertThat(body.get("tariff").asText()).isEqualTo("AZ-2026-EXCISE");
        assertThat(body.get("lines").get(0).get("code").asText()).isEqualTo("price.catalogue");
        assertThat(body.get("lines").get(1).get("item").asText()).isEqualTo("Государственная пошлина");
    }

    @Test
    void api_nothingToQuoteIsProblemDetails() throws Exception {
        HttpResponse<String> response = web.get("/api/v1/duty", "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("application/problem+json"));
        assertThat(Json.MAPPER.readTree(response.body()).get("detail").asText()).isEqualTo("Give a model, a price, or both.");
    }

    @Test
    void quotes_areLimitedPerClient() {
        try (TestServer limited = new TestServer(WebSettings.defaults().withFormLimits(2, 600))) {
            assertThat(limited.get("/duty?price=100").statusCode()).isEqualTo(200);
            assertThat(limited.get("/api/v1/duty?price=100").statusCode()).isEqualTo(200);
            HttpResponse<String> third = limited.get("/duty?lang=en&price=100");

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(third.body()).contains("You have sent many forms in a short time");
            assertThat(limited.get("/duty").statusCode()).as("the empty calculator is not a quote").isEqualTo(200);
        }
    }
}
