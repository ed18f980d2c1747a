package com.sikifanso.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
    @ParameterizedTest
    @CsvSource({"250m, 0.25", "1, 1", "1.5, 1.5", "1Ki, 1024", "1Gi, 1073741824", "2k, 2000", "1e3, 1000",
        "100M, 100000000", ".5, 0.5"})
    void parsesKubernetesQuantities(String text, String value) {
        assertThat(Quantity.parse(text)).hasValueSatisfying(q ->
                assertThat(q.value()).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "1GB", "-1", "1 Gi", "Gi", "1.2.3"})
    void refusesWhatKubernetesRefuses(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"500m, 1", "1000m, 1", "1Gi, 1025Mi", "999Mi, 1Gi"})
    void comparesByValueAcrossUnits(String smaller, String larger) {
        assertThat(Quantity.parse(smaller).orElseThrow())
                .isLessThanOrEqualTo(Quantity.parse(larger).orElseThrow());
    }
}
