package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster info lab} takes the cluster as a word, {@code cluster lock} only as {@code -c}: a user who types
 * {@code cluster lock lab} is shown the form that works (found in a new user's walk-through), and nothing runs.
 */
class ClusterGivenAsAnArgumentTest {
    @TempDir
    Path home;

    @Test
    void aClusterGivenToACommandThatTakesItOnlyAsAnOptionIsShownWithMinusC() {
        SikifansoProcess.Result run = InProcess.run(home, "cluster", "lock", "lab");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("Unmatched argument", "'lab'",
                "\n  the cluster is named with -c: sikifanso cluster lock -c lab\n",
                "\n  see: sikifanso cluster lock --help\n");
    }

    @Test
    void aWordThatIsNoClusterNameOrACommandThatTakesWordsGetsNoSuchLine() {
        assertThat(InProcess.run(home, "cluster", "lock", "Not_A_Name").stderr())
                .doesNotContain("the cluster is named with");
        assertThat(InProcess.run(home, "cluster", "lock", "lab", "two").stderr())
                .doesNotContain("the cluster is named with");
        assertThat(InProcess.run(home, "app", "enable").stderr()).doesNotContain("the cluster is named with");
        assertThat(InProcess.run(home, "version", "extra").stderr()).doesNotContain("the cluster is named with");
        assertThat(InProcess.run(home, "cluster", "gitops", "status", "lab").stderr())
                .contains("the cluster is named with -c: sikifanso cluster gitops status -c lab");
    }
}
