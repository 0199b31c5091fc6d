package org.ceir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@code ceir import operator} and {@code ceir demo} queue operator files. */
class FileQueuesTest {
    @Test
    void byOperator_filesOfSeveralOperators_queuesEachOperatorsInDateOrder() {
        assertThat(FileQueues.byOperator(List.of(Path.of("d/nar_20240502_20240502.csv.gz"),
                Path.of("d/azercell_20240502_20240502.csv.gz"), Path.of("e/nar_20240501_20240501.csv"),
                Path.of("d/azercell_20240501_20240501.csv.gz")))).containsExactly(
                List.of(Path.of("d/azercell_20240501_20240501.csv.gz"), Path.of("d/azercell_20240502_20240502.csv.gz")),
                List.of(Path.of("e/nar_20240501_20240501.csv"), Path.of("d/nar_20240502_20240502.csv.gz")));
    }
}
