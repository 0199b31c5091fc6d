package org.ceir.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsTest {
    @Test
    void safeName_keepsOnlyTheFilesOwnName() {
        assertThat(Uploads.safeName("C:\\Users\\me\\stock 2026.csv")).isEqualTo("stock_2026.csv");
        assertThat(Uploads.safeName("../../.bashrc")).isEqualTo("batch.bashrc");
        assertThat(Uploads.safeName("a".repeat(300) + ".csv")).hasSize(100).endsWith(".csv");
        assertThat(Uploads.safeName(null)).isEqualTo("batch");
    }
}
