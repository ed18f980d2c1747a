package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.catalog.CustomApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code sikifanso __complete} offers for the words typed so far (the shell scripts call it). */
class CompletionTest {
    @TempDir
    Path tmp;

    private TestHome home;

    @BeforeEach
    void prepareClusters() {
        home = TestHome.withCluster(tmp).prepare("other");
        home.services().apps().enable(CLUSTER, List.of("langfuse"));
        home.services().apps().add(CLUSTER, new CustomApp("podinfo", "https://charts.example", "podinfo", "1.0.0",
                "podinfo"), null);
    }

    private List<String> complete(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "__complete";
        args[1] = "--";
        System.arraycopy(words, 0, args, 2, words.length);
        SikifansoProcess.Result r = InProcess.run(tmp, args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).isEmpty();
        return r.stdout().lines().toList();
    }

    @Test
    void commandsComplete() {
        assertThat(complete("")).contains("cluster", "app", "agent", "completion").doesNotContain("__complete");
        assertThat(complete("a")).contains("app", "agent").allMatch(c -> c.startsWith("a"));
        assertThat(complete("cluster", "")).contains("create", "delete", "info", "profiles");
    }

    @Test
    void optionsComplete() {
        assertThat(complete("app", "enable", "--p")).containsExactly("--profile");
    }

    @Test
    void clusterNamesComplete() {
        assertThat(complete("-c", "")).containsExactly("lab", "other");
        assertThat(complete("cluster", "info", "o")).containsExactly("other");
    }

    @Test
    void appNamesCompleteFromTheNamedClustersCatalog() {
        assertThat(complete("-c", CLUSTER, "app", "enable", "")).hasSize(14).doesNotContain("langfuse", "valkey");
        assertThat(complete("-c", CLUSTER, "app", "disable", "")).containsExactly("cnpg-operator", "langfuse",
                "postgresql", "prometheus-stack", "valkey");
        assertThat(complete("-c", CLUSTER, "app", "remove", "")).containsExactly("podinfo");
        assertThat(complete("-c", "other", "app", "disable", "")).isEmpty();
    }

    @Test
    void profileNamesComplete() {
        assertThat(complete("app", "enable", "--profile", "agent-"))
                .containsExactly("agent-dev", "agent-full", "agent-minimal", "agent-safe");
        assertThat(complete("cluster", "create", "x", "--profile", "")).contains("rag");
    }

    @Test
    void anUnknownClusterCompletesNothingAndPrintsNoError() {
        assertThat(complete("-c", "ghost", "app", "enable", "")).isEmpty();
    }

    @Test
    void anUnknownShellIsAUsageError() {
        SikifansoProcess.Result unknown = InProcess.run(tmp, "completion", "tcsh");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("tcsh");
    }
}
