package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import org.junit.jupiter.api.Test;

class PullPolicyTest {
    @Test
    void docker_run_pullWordsAreAccepted() {
        assertThat(PullPolicy.parse("missing")).isEqualTo(PullPolicy.MISSING);
        assertThat(PullPolicy.parse("Always")).isEqualTo(PullPolicy.ALWAYS);
        assertThat(PullPolicy.parse("never")).isEqualTo(PullPolicy.NEVER);
    }

    @Test
    void anyOtherWordIsAUsageErrorNamingTheChoices() {
        assertThatThrownBy(() -> PullPolicy.parse("sometimes"))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("--pull must be missing, always or never, not \"sometimes\"")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
    }
}
