package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.Mappers;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command layer run in-process: what goes to stdout and stderr, and which exit code. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private TestHome home;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
    }

    private SikifansoProcess.Result run(String... args) {
        return InProcess.run(tmp, args);
    }

    @Test
    void appListShowsTheCatalogAsATable() {
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "list", "--all");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(Arrays.asList(lines.get(0).split("\\s+")))
                .containsExactly("NAME", "CATEGORY", "CHART", "VERSION", "NAMESPACE", "SOURCE", "ENABLED");
        assertThat(lines).hasSize(22)
                .anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly("qdrant", "rag", "qdrant", "1.17.1",
                        "rag", "catalog", "true"));
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void appListAsYamlIsParsable() throws IOException {
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        SikifansoProcess.Result r = run("-c", CLUSTER, "-o", "yaml", "app", "list");

        JsonNode rows = Mappers.YAML.readTree(r.stdout()).path("apps");
        assertThat(rows).extracting(n -> n.path("name").asText())
                .containsExactlyInAnyOrder("langfuse", "cnpg-operator", "prometheus-stack", "postgresql", "valkey");
    }

    @Test
    void enablingReportsTheAutoEnabledDependenciesAndNothingWhenAlreadyEnabled() {
        SikifansoProcess.Result first = run("-c", CLUSTER, "app", "enable", "langfuse");
        SikifansoProcess.Result again = run("-c", CLUSTER, "app", "enable", "langfuse");

        assertThat(first.stdout()).isEqualTo("auto-enabled dependencies: cnpg-operator, prometheus-stack, "
                + "postgresql, valkey\nenabled: cnpg-operator, prometheus-stack, postgresql, valkey, langfuse (commit "
                + home.git().head().substring(0, 7) + ")\n");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).isEqualTo("langfuse is already enabled.\n");
        assertThat(home.git().subjects()).hasSize(2);
    }

    @Test
    void aRefusedDisableExitsWith1AndNamesTheDependentsOnStderr() {
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "disable", "postgresql");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error: cannot disable postgresql: enabled apps depend on it: langfuse\n"
                + "  disable those first, or use --force to disable postgresql anyway (they may break)\n");
    }

    @Test
    void forceDisables() {
        home.services().apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "disable", "postgresql", "--force");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("disabled: postgresql (commit ");
    }

    @Test
    void anAddWithoutATerminalListsTheMissingFlags() {
        RepoSnapshot before = RepoSnapshot.of(home.git());

        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "add", "podinfo", "--chart", "podinfo");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: missing --repo, --version (no terminal to ask on)\n  e.g. ");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void addAndRemoveAreOneCommitEach() {
        SikifansoProcess.Result added = run("-c", CLUSTER, "app", "add", "podinfo", "--repo",
                "https://stefanprodan.github.io/podinfo", "--version", "6.10.1");
        String addCommit = home.git().head();
        SikifansoProcess.Result removed = run("-c", CLUSTER, "app", "remove", "podinfo");

        assertThat(added.stdout()).isEqualTo("added: podinfo (podinfo 6.10.1 into namespace podinfo, commit "
                + addCommit.substring(0, 7) + ")\n");
        assertThat(removed.stdout()).isEqualTo("removed: podinfo (commit " + home.git().head().substring(0, 7)
                + ")\n");
        assertThat(home.git().subjects()).hasSize(3).startsWith("app: remove podinfo",
                "app: add podinfo (podinfo 6.10.1 from https://stefanprodan.github.io/podinfo)");
        assertThat(home.git().status()).isEmpty();
    }

    @Test
    void appsAndAProfileTogetherAreAUsageError() {
        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "enable", "qdrant", "--profile", "rag");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: name the apps to enable, or --profile, but not both\n");
    }

    @Test
    void anUnknownProfileIsAUsageErrorListingTheProfiles() {
        SikifansoProcess.Result r = run("-c", CLUSTER, "app", "enable", "--profile", "agent-dev,nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("Error: unknown profile \"nope\"\n  available: agent-dev, agent-full, "
                + "agent-minimal, agent-safe, rag (see them with: sikifanso cluster profiles)\n");
        assertThat(home.git().subjects()).hasSize(1);
    }

    @Test
    void aBadDurationIsAUsageError() {
        SikifansoProcess.Result r = run("--lock-timeout", "soon", "-c", CLUSTER, "app", "enable", "qdrant");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("'soon' is not a duration; write it like 30s, 5m or 1h30m");
        assertThat(home.git().subjects()).hasSize(1);
    }

    @Test
    void aBootstrapVersionWithoutABootstrapIsAUsageError() {
        SikifansoProcess.Result r = run("cluster", "create", "lab9", "--gitops-only", "--bootstrap-version", "v1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: --bootstrap-version needs --bootstrap\n");
        assertThat(home.clusterDir("lab9")).doesNotExist();
    }

    @Test
    void profilesAsJson() throws IOException {
        SikifansoProcess.Result r = run("-o", "json", "cluster", "profiles");

        assertThat(Mappers.JSON.readTree(r.stdout()).path("profiles")).extracting(p -> p.path("name").asText())
                .containsExactly("agent-dev", "agent-full", "agent-minimal", "agent-safe", "rag");
    }

    @Test
    void clusterInfoListsEveryClusterAndWarnsAboutAnUnreadableOneOnStderr() throws IOException {
        home.prepare("broken");
        Files.writeString(home.sessionFile("broken"), "{");

        SikifansoProcess.Result r = run("cluster", "info");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().lines().toList()).hasSize(2).last().asString().startsWith("lab ");
        // Other warnings (e.g. that Docker is down, so live state is unknown) may come first.
        assertThat(r.stderr()).contains("warning: session file " + home.sessionFile("broken") + " is corrupt: ");
    }

    @Test
    void clusterInfoNeverShowsTheArgoCdPassword() throws IOException {
        Session prepared = home.services().clusters().info(ClusterName.of(CLUSTER));
        home.services().sessions().save(new Session(CLUSTER, ClusterState.RUNNING, prepared.createdAt(),
                prepared.bootstrapURL(), null, prepared.gitOpsPath(),
                new Session.Services(new Session.ArgoCd("http://localhost:30080", "admin", "s3cret-pw", "9.1.0"),
                        null), null, null));

        SikifansoProcess.Result table = run("cluster", "info", CLUSTER);
        SikifansoProcess.Result json = run("-o", "json", "cluster", "info", CLUSTER);

        assertThat(table.stdout()).contains("Argo CD:     http://localhost:30080 (user admin)")
                .doesNotContain("s3cret-pw");
        assertThat(json.stdout()).doesNotContain("s3cret-pw", "password");
        assertThat(Mappers.JSON.readTree(json.stdout()).at("/session/state").asText()).isEqualTo("running");
    }

    @Test
    void aHomeThatIsAFileIsAnErrorNotAnEmptyList() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        SikifansoProcess.Result r = InProcess.run(file, "cluster", "info");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("Error: cannot use " + file + " as sikifanso's home: ");
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColor() {
        SikifansoProcess.Result plain = InProcess.run(tmp, Map.of("NO_COLOR", "1"), true,
                "-c", CLUSTER, "app", "enable", "qdrant");
        SikifansoProcess.Result coloured = InProcess.run(tmp, Map.of(), true, "-c", CLUSTER, "app", "enable", "ollama");
        SikifansoProcess.Result flag = InProcess.run(tmp, Map.of(), true, "--no-color", "-c", CLUSTER, "app",
                "enable", "opa");

        assertThat(plain.stdout()).startsWith("enabled: qdrant (").doesNotContain("\u001b[");
        assertThat(coloured.stdout()).startsWith("enabled: \u001b[32mollama\u001b[0m (");
        assertThat(flag.stdout()).startsWith("enabled: opa (").doesNotContain("\u001b[");
    }
}
