package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
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
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));
        home.services().apps().add(ClusterName.of(CLUSTER), new CustomApp("podinfo", "https://charts.example", "podinfo", "1.0.0",
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
        assertThat(complete("-c", CLUSTER, "app", "enable", "")).hasSize(16).doesNotContain("langfuse", "valkey");
        assertThat(complete("-c", CLUSTER, "app", "disable", "")).containsExactly("cnpg-operator", "langfuse",
                "postgresql", "prometheus-stack", "valkey");
        assertThat(complete("-c", CLUSTER, "app", "remove", "")).containsExactly("podinfo");
        assertThat(complete("-c", "other", "app", "disable", "")).isEmpty();
    }

    @Test
    void agentWatchCompletesTheClustersAgents() {
        home.services().agents().create(ClusterName.of(CLUSTER), "bob", com.sikifanso.agents.AgentSpec.DEFAULTS);
        assertThat(complete("agent", "w")).containsExactly("watch");
        assertThat(complete("-c", CLUSTER, "agent", "watch", "")).containsExactly("bob");
        assertThat(complete("-c", CLUSTER, "agent", "watch", "bob", "--u")).containsExactly("--url");
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

    /**
     * The bash script answers every Tab by itself: the same candidates as the CLI's own completer,
     * with no process started (bash runs with an empty PATH, so any external command would fail).
     */
    @Test
    void theBashScriptCompletesLikeTheCliWithoutStartingAnything() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("snapshots"));
        java.nio.file.Files.writeString(tmp.resolve("snapshots/before-upgrade.tar.gz"), "");
        java.nio.file.Files.writeString(tmp.resolve("snapshots/lab-20260101-000000.tar.gz"), "");
        List<List<String>> lines = List.of(List.of(""), List.of("a"), List.of("cluster", ""), List.of("-c", ""),
                List.of("cluster", "info", "o"), List.of("app", "enable", "--p"), List.of("app", "sync", "--no"),
                List.of("-c", CLUSTER, "app", "enable", ""), List.of("-c", CLUSTER, "app", "disable", ""),
                List.of("-c", CLUSTER, "app", "remove", ""), List.of("-c", "other", "app", "disable", ""),
                List.of("--cluster", CLUSTER, "app", "status", "l"), List.of("app", "enable", "--profile", "agent-"),
                List.of("-c", "ghost", "app", "enable", ""), List.of("snapshot", "restore", ""),
                List.of("-o", ""), List.of("mcp", "serve", "--toolsets", ""));
        for (List<String> words : lines) {
            assertThat(bash(words)).as("sikifanso " + String.join(" ", words) + "<Tab>")
                    .isEqualTo(complete(words.toArray(String[]::new)));
        }
        assertThat(bash(List.of("snapshot", "restore", ""))).containsExactly("before-upgrade", "lab-20260101-000000");
    }

    @Test
    void aListCompletesAfterItsLastComma() throws Exception {
        assertThat(bash(List.of("app", "enable", "--profile", "agent-dev,"))).contains("agent-dev,rag",
                "agent-dev,agent-safe");
        assertThat(bash(List.of("-c", CLUSTER, "agent", "create", "bob", "--allow", "qdrant,la")))
                .containsExactly("qdrant,langfuse");
        assertThat(bash(List.of("mcp", "serve", "--toolsets", "catalog,ag"))).containsExactly("catalog,agents");
    }

    @Test
    void theClusterComesFromTheEnvironmentWhenNotGiven() throws Exception {
        assertThat(bash(List.of("app", "remove", ""), "SIKIFANSO_CLUSTER=" + CLUSTER)).containsExactly("podinfo");
    }

    /** zsh and fish run the same function through bash; .ci/run installs both from Debian. */
    @Test
    void theZshAndFishScriptsOfferTheSameCandidates() throws Exception {
        List<String> words = List.of("-c", CLUSTER, "app", "disable", "");
        List<String> expected = complete(words.toArray(String[]::new));
        assertThat(expected).isNotEmpty();
        List<String> profile = List.of("app", "enable", "--profile", "agent-dev,r");

        assertThat(zsh(words)).isEqualTo(expected);
        assertThat(zsh(profile)).containsExactly("agent-dev,rag");
        assertThat(fish(words)).isEqualTo(expected);
        assertThat(fish(profile)).containsExactly("agent-dev,rag");
    }

    /** The zsh function with compadd replaced by a printer: what it would offer. */
    private List<String> zsh(List<String> words) throws Exception {
        Path file = script("zsh");
        StringBuilder array = new StringBuilder("sikifanso");
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        return shell("zsh", "-f", "-c", "autoload -U compinit; compinit -u -D\nsource " + file
                + "\ncompadd() { shift; [[ $1 == -- ]] && shift; print -l -- \"$@\"; }\nwords=(" + array
                + ")\nCURRENT=" + (words.size() + 1) + "\n_sikifanso\n");
    }

    /** fish's own completion of a command line, with the script loaded. */
    private List<String> fish(List<String> words) throws Exception {
        return shell("fish", "--no-config", "-c", "source " + script("fish") + "; complete -C 'sikifanso "
                + String.join(" ", words) + "'");
    }

    private Path script(String shell) throws Exception {
        SikifansoProcess.Result script = InProcess.run(tmp, "completion", shell);
        assertThat(script.exitCode()).as(script.toString()).isZero();
        Path file = tmp.resolve("sikifanso." + shell);
        java.nio.file.Files.writeString(file, script.stdout());
        return file;
    }

    private List<String> shell(String... command) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath(command[0]),
                "SKIPPED LOUDLY: " + command[0] + " is not installed; .ci/run installs it (apt-get install zsh fish)");
        List<String> full = new java.util.ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin",
                "SIKIFANSO_HOME=" + tmp, "HOME=" + tmp));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().map(l -> l.split("\t", 2)[0]).toList();
    }

    private static boolean onPath(String program) {
        return java.nio.file.Files.isExecutable(Path.of("/usr/bin", program))
                || java.nio.file.Files.isExecutable(Path.of("/bin", program));
    }

    /** COMP_WORDS as bash fills them for "sikifanso WORDS<Tab>", and what _sikifanso puts in COMPREPLY. */
    private List<String> bash(List<String> words, String... env) throws Exception {
        SikifansoProcess.Result script = InProcess.run(tmp, "completion", "bash");
        assertThat(script.exitCode()).as(script.toString()).isZero();
        Path file = tmp.resolve("sikifanso.bash");
        java.nio.file.Files.writeString(file, script.stdout());
        StringBuilder compWords = new StringBuilder("sikifanso");
        for (String w : words) {
            compWords.append(" '").append(w).append('\'');
        }
        String program = "source " + file + "\nCOMP_WORDS=(" + compWords + ")\nCOMP_CWORD=" + words.size()
                + "\n_sikifanso\nfor c in \"${COMPREPLY[@]}\"; do echo \"$c\"; done\n";
        List<String> command = new java.util.ArrayList<>(List.of("env", "-i", "PATH=/nonexistent",
                "SIKIFANSO_HOME=" + tmp, "HOME=" + tmp));
        command.addAll(List.of(env));
        command.addAll(List.of("/bin/bash", "--norc", "-c", program));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).as("no command was looked up").doesNotContain("command not found", "No such file");
        return out.lines().toList();
    }
}
