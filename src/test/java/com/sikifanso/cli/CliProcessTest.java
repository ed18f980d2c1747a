package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a user runs it, each command in its own process: exit codes, results on
 * stdout, errors on stderr. (Each process costs a JVM start; the rest is tested in-process.)
 */
class CliProcessTest {
    @TempDir
    Path tmp;

    private SikifansoProcess sikifanso() {
        return new SikifansoProcess(tmp);
    }

    /** A home with cluster "lab1" prepared in-process, which is much cheaper than a process. */
    private TestHome homeWithLab1() {
        return TestHome.at(tmp).prepare("lab1");
    }

    @Test
    void versionPrintsTheVersionAndTheCommitItWasBuiltFrom() {
        SikifansoProcess.Result r = sikifanso().run("--version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo(BuildInfo.load().versionLine() + "\n")
                .matches("sikifanso \\S+ \\(commit \\S+\\)\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void helpListsTheCommandsOnStdout() {
        SikifansoProcess.Result r = sikifanso().run("-h");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Usage: sikifanso ").contains("cluster", "app", "agent", "completion")
                .doesNotContain("__complete");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aPreparedClusterIsReusedByTheNextCreateOfTheSameName() throws IOException {
        SikifansoProcess.Result prepared = sikifanso().run("cluster", "create", "lab1", "--gitops-only",
                "--profile", "agent-minimal");
        assertThat(prepared.exitCode()).as(prepared.toString()).isZero();
        assertThat(prepared.stdout()).startsWith("Prepared cluster lab1 (state: not-created).\n"
                + "GitOps repo: " + tmp.resolve("clusters/lab1/gitops") + "\n"
                + "Enabled: ");
        TestHome home = TestHome.at(tmp);
        RepoSnapshot repo = RepoSnapshot.of(home.git("lab1"));
        byte[] session = Files.readAllBytes(home.sessionFile("lab1"));

        SikifansoProcess.Result again = sikifanso().run("cluster", "create", "lab1", "--gitops-only");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).startsWith("Cluster lab1 was already prepared; using its GitOps repo.\n");
        assertThat(RepoSnapshot.of(home.git("lab1"))).isEqualTo(repo);
        assertThat(Files.readAllBytes(home.sessionFile("lab1"))).isEqualTo(session);
        assertThat(home.git("lab1").subjects()).hasSize(2);
    }

    /**
     * Creating the nodes comes with Docker support (a separate issue); until then it is refused up
     * front. DOCKER_HOST points nowhere so that, once that support lands, this never touches the
     * machine's Docker engine and still fails before changing anything, then with "Docker is not running".
     */
    @Test
    void creatingAPreparedClusterWithoutDockerSupportSaysSoAndChangesNothing() throws IOException {
        TestHome home = homeWithLab1();
        RepoSnapshot repo = RepoSnapshot.of(home.git("lab1"));
        byte[] session = Files.readAllBytes(home.sessionFile("lab1"));

        SikifansoProcess.Result create = sikifanso().run(
                SikifansoProcess.env("DOCKER_HOST", "unix://" + tmp.resolve("no-docker.sock")),
                "cluster", "create", "lab1");

        assertThat(create.exitCode()).as(create.toString()).isEqualTo(1);
        assertThat(create.stdout()).isEmpty();
        // Today: "Error: creating cluster nodes in Docker is not available in this build yet".
        assertThat(create.stderr().lines().filter(l -> l.startsWith("Error: ")).toList())
                .singleElement().asString().contains("Docker");

        assertThat(RepoSnapshot.of(home.git("lab1"))).isEqualTo(repo);
        assertThat(Files.readAllBytes(home.sessionFile("lab1"))).isEqualTo(session);
    }

    @Test
    void aClusterMayBeNamedPositionally() {
        homeWithLab1().prepare("lab2");

        SikifansoProcess.Result r = sikifanso().run("cluster", "info", "lab1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("Cluster:     lab1\nState:       not-created")
                .contains("Bootstrap:   embedded\n", "GitOps Path: " + tmp.resolve("clusters/lab1/gitops") + "\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void jsonOutputIsJsonOnStdoutAloneForTheClusterNamedInTheEnvironment() throws IOException {
        TestHome home = homeWithLab1();

        SikifansoProcess.Result r = sikifanso().run(SikifansoProcess.env("SIKIFANSO_CLUSTER", "lab1"),
                "-o", "json", "app", "enable", "langfuse");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).doesNotContain("Error", "{");
        JsonNode json = Mappers.JSON.readTree(r.stdout());
        assertThat(json.path("requested")).extracting(JsonNode::asText).containsExactly("langfuse");
        assertThat(json.path("autoEnabled")).extracting(JsonNode::asText)
                .containsExactly("cnpg-operator", "prometheus-stack", "postgresql", "valkey");
        assertThat(json.path("commit").asText()).isEqualTo(home.git("lab1").head());
        assertThat(home.git("lab1").status()).isEmpty();
    }

    @Test
    void aUsageErrorExitsWith2AndTheRuleOnStderr() {
        homeWithLab1();

        SikifansoProcess.Result r = sikifanso().run("-c", "lab1", "app", "enable", "Foo_1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error: invalid app name \"Foo_1\": a name must be a DNS-1123 label "
                + "(lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 "
                + "characters)\n  for example: foo-1\n");
    }

    @Test
    void anUnknownCommandExitsWith2AndSuggestsOne() {
        SikifansoProcess.Result r = sikifanso().run("clustr");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("'clustr'", "cluster");
    }

    @Test
    void aFailureExitsWith1AndSaysWhatToDoOnStderr() {
        SikifansoProcess.Result r = sikifanso().run("-c", "ghost", "app", "list");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("Error: no cluster named \"ghost\" (no session at ")
                .contains("\n  see the clusters you have with: sikifanso cluster info");
    }

    @Test
    void deletingAClusterRemovesItsDirectory() {
        TestHome home = homeWithLab1();

        SikifansoProcess.Result r = sikifanso().run("cluster", "delete", "lab1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("Deleted cluster lab1.\n");
        assertThat(home.clusterDir("lab1")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish", "powershell"})
    void completionPrintsAScriptThatWorksOutCandidatesInTheShell(String shell) throws Exception {
        SikifansoProcess.Result r = sikifanso().run("completion", shell);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("sikifanso", "_sikifanso_candidates", "sikifanso app enable --profile");
        assertThat(r.stderr()).isEmpty();
        if (shell.equals("bash")) {
            assertThat(r.stdout()).contains("complete -o default -F _sikifanso sikifanso");
            assertThat(bashAccepts(r.stdout())).isTrue();
        }
    }

    @Test
    void completionOfAppEnableListsTheDisabledCatalogApps() {
        TestHome home = homeWithLab1();
        home.services().apps().enable(ClusterName.of("lab1"), List.of("qdrant"));

        SikifansoProcess.Result r = sikifanso().run(SikifansoProcess.env("SIKIFANSO_CLUSTER", "lab1"),
                "__complete", "--", "app", "enable", "");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines().toList()).hasSize(20).doesNotContain("qdrant")
                .contains("langfuse", "ollama", "valkey").isSorted();
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void completionOfTheClusterOptionListsTheClusters() {
        homeWithLab1().prepare("lab2");

        SikifansoProcess.Result r = sikifanso().run("__complete", "--", "-c", "");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).isEqualTo("lab1\nlab2\n");
    }

    private static boolean bashAccepts(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(output).isEmpty();
        return bash.waitFor() == 0;
    }
}
