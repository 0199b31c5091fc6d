package org.ceir.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ceir.store.Database;
import org.ceir.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceListTest {
    private static Database database;
    private static PriceList prices;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        prices = new PriceList(database);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void all_listsEveryModelByMakeAndModel() throws IOException {
        Path file = Files.writeString(directory.resolve("prices.csv"), "Manufacturer,Model,Market_Price_USD\n"
                + "Xiaomi,Redmi 13,180\napple,iPhone 15,899.99\nApple,iPhone 13,600\n");
        prices.importCsv(file, "test");

        assertThat(prices.all()).extracting(e -> e.manufacturer() + " " + e.model() + " " + e.marketPriceUsd())
                .containsExactly("Apple iPhone 13 600.00", "apple iPhone 15 899.99", "Xiaomi Redmi 13 180.00");
    }

    @Test
    void importCsv_badRowImportsNothing() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.csv"), "manufacturer,model,market_price_usd\n"
                + "Nokia,105,25\nNokia,,30\n");

        assertThatThrownBy(() -> prices.importCsv(file, "test")).hasMessageContaining("line 3");
        assertThat(prices.find("Nokia 105")).isEmpty();
    }
}
