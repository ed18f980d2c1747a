package com.sikifanso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A cluster name is checked where it enters, with the rule in the message; nodes need a shorter one. */
class ClusterNameTest {
    @Test
    void aBadNameIsAUsageErrorThatSaysTheRule() {
        assertThatThrownBy(() -> ClusterName.of("Lab_1")).isInstanceOf(SikifansoException.class)
                .hasMessage("invalid cluster name \"Lab_1\": a name must be a DNS-1123 label (lowercase letters, "
                        + "digits and '-', starting and ending with a letter or digit, at most 63 characters)")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThatThrownBy(() -> ClusterName.of(null)).hasMessage("cluster name is required");
    }

    @Test
    void aClusterWithNodesHasTheShorterLimitOfK3dsNodeNames() {
        String fiftyOne = "a".repeat(51);

        assertThat(ClusterName.of(fiftyOne).value()).isEqualTo(fiftyOne);
        assertThatThrownBy(() -> ClusterName.forNodes(fiftyOne)).hasMessageEndingWith("at most 50 characters)");
        assertThat(ClusterName.forNodes("a".repeat(50)).k3d().agent(99)).hasSize(63);
    }

    @Test
    void aNameFromElsewhereIsEmptyUnlessValid() {
        assertThat(ClusterName.ifValid("lab")).contains(ClusterName.of("lab"));
        assertThat(ClusterName.ifValid("lab/../other")).isEmpty();
        assertThat(ClusterName.ifValid(null)).isEmpty();
        assertThat(ClusterName.of("lab")).hasToString("lab");
    }
}
