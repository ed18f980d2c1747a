package com.sikifanso.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quantity grammar of k8s.io/apimachinery resource/quantity.go (quoted in {@link Quantity}):
 * cases from every production, and values from its ParseQuantity tests (quantity_test.go's
 * "table" of valid and invalid strings), with Kubernetes' capping and rounding.
 */
class QuantityTest {
    @ParameterizedTest
    @CsvSource({
        // number forms: digits, digits.digits, digits., .digits
        "1, 1", "1.5, 1.5", "5., 5", ".5, 0.5", "0, 0",
        // signs
        "+1, 1", "-1, -1", "-.5, -0.5", "+5., 5",
        // decimal SI
        "1n, 0.000000001", "1u, 0.000001", "250m, 0.25", "2k, 2000", "100M, 100000000", "1G, 1000000000",
        "1T, 1000000000000", "1P, 1000000000000000", "1E, 1000000000000000000",
        // binary SI
        "1Ki, 1024", "1Mi, 1048576", "1Gi, 1073741824", "1Ti, 1099511627776", "1Pi, 1125899906842624",
        "1Ei, 1152921504606846976", "1.5Gi, 1610612736", ".5Ki, 512",
        // decimal exponents, both cases, signed
        "1e3, 1000", "1E3, 1000", "1e+3, 1000", "1e-3, 0.001", "1.5e2, 150", "-1e3, -1000", "5e0, 5",
        // beyond 2^63-1 is capped, as Kubernetes caps
        "8Ei, 9223372036854775807", "1e19, 9223372036854775807", "1e99999999999, 9223372036854775807",
        "-1e99999999999, -9223372036854775807",
        // more precise than a nano-unit is rounded up to one
        "0.1n, 0.000000001", "1e-99999999999, 0.000000001", "1.0000000001, 1.000000001"})
    void parsesEveryFormOfTheGrammar(String text, String value) {
        assertThat(Quantity.parse(text)).as(text).hasValueSatisfying(q ->
                assertThat(q.value()).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "1GB", "1 Gi", "Gi", "1.2.3", ".", "+", "-", "1e", "1e+", "1e1.5", "1ki",
        "1KI", "1i", "e3", "1Gi3", "--1", "1e99999999999999999999", "0x10", "1_000", "∞", "1.5.", "1m1", "2E3Gi"})
    void refusesWhatKubernetesRefuses(String text) {
        assertThat(Quantity.parse(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"500m, 1", "1000m, 1", "1Gi, 1025Mi", "999Mi, 1Gi", "1Pi, 1Ei", "-1, 0", "1e3, 1k"})
    void comparesByValueAcrossUnits(String smaller, String larger) {
        assertThat(Quantity.parse(smaller).orElseThrow())
                .isLessThanOrEqualTo(Quantity.parse(larger).orElseThrow());
    }
}
