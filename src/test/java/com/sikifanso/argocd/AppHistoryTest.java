package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History and rollback against the real git repository of a prepared cluster, cross-checked with the git CLI. */
class AppHistoryTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private AppHistory history;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
        history = home.services().argocd().history();
    }

    private String read(String path) throws IOException {
        return Files.readString(home.gitOps().resolve(path));
    }

    private void toggleQdrantThreeTimes() {
        home.services().apps().enable(ClusterName.of(TestHome.CLUSTER), List.of("qdrant"));
        home.services().apps().disable(ClusterName.of(TestHome.CLUSTER), "qdrant", false);
        home.services().apps().enable(ClusterName.of(TestHome.CLUSTER), List.of("qdrant"));
    }

    @Test
    void historyIsTheCommitsThatTouchedTheAppsFilesNewestFirst() {
        toggleQdrantThreeTimes();
        home.services().apps().enable(ClusterName.of(TestHome.CLUSTER), List.of("ollama"));

        List<AppHistory.Revision> revisions = history.history(ClusterName.of(TestHome.CLUSTER), "qdrant");

        assertThat(revisions).extracting(AppHistory.Revision::message).startsWith("catalog: enable qdrant",
                "catalog: disable qdrant", "catalog: enable qdrant").doesNotContain("catalog: enable ollama");
        assertThat(revisions.get(0).revision()).isEqualTo(
                home.git().run("log", "-1", "--format=%H", "--", "catalog/qdrant.yaml").strip());
        assertThat(revisions).extracting(AppHistory.Revision::revision).containsExactlyElementsOf(
                home.git().run("log", "--format=%H", "--", "catalog/qdrant.yaml", "catalog/values/qdrant.yaml")
                        .lines().toList());
        assertThat(revisions.get(0).shortRevision()).hasSize(7);
    }

    @Test
    void rollbackByDefaultRestoresTheFilesAsBeforeTheLastChangeInOneCommit() throws IOException {
        toggleQdrantThreeTimes();
        List<AppHistory.Revision> before = history.history(ClusterName.of(TestHome.CLUSTER), "qdrant");
        int commits = home.git().subjects().size();

        AppHistory.Rollback r = history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.empty());

        String to = before.get(1).revision();
        assertThat(r.to()).isEqualTo(to);
        assertThat(r.present()).isFalse();
        assertThat(r.tier()).isEqualTo("1-data");
        assertThat(home.git().subjects()).hasSize(commits + 1)
                .first().isEqualTo("rollback qdrant to " + to.substring(0, 7));
        assertThat(home.git().head()).isEqualTo(r.commit());
        assertThat(home.git().filesInHead()).containsExactly("catalog/qdrant.yaml");
        assertThat(read("catalog/qdrant.yaml")).isEqualTo(home.git().run("show", to + ":catalog/qdrant.yaml"))
                .contains("enabled: false");
        assertThat(home.git().status()).isEmpty();
        assertThat(home.git().log("%an <%ae>").get(0)).isEqualTo("sikifanso <sikifanso@local>");
    }

    @Test
    void rollbackToANamedRevisionAndThenUndoingIt() {
        toggleQdrantThreeTimes();
        List<AppHistory.Revision> revisions = history.history(ClusterName.of(TestHome.CLUSTER), "qdrant");
        String firstEnable = revisions.get(2).shortRevision();

        AppHistory.Rollback r = history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.of(firstEnable));
        assertThat(r.commit()).as("already enabled: the files match, nothing to commit").isNull();
        assertThat(r.present()).isTrue();

        history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.of(revisions.get(1).revision()));
        AppHistory.Rollback undo = history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.empty());
        assertThat(undo.present()).isTrue();
        assertThat(history.history(ClusterName.of(TestHome.CLUSTER), "qdrant")).extracting(AppHistory.Revision::message)
                .startsWith("rollback qdrant to " + revisions.get(0).shortRevision(),
                        "rollback qdrant to " + revisions.get(1).shortRevision());
    }

    @Test
    void aRevisionThatDidNotTouchTheAppIsRefusedNamingTheValidOnes() {
        toggleQdrantThreeTimes();
        home.services().apps().enable(ClusterName.of(TestHome.CLUSTER), List.of("ollama"));
        String ollama = home.git().head().substring(0, 7);
        String head = home.git().head();
        List<String> valid = history.history(ClusterName.of(TestHome.CLUSTER), "qdrant").stream()
                .map(AppHistory.Revision::shortRevision).toList();

        assertThatThrownBy(() -> history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.of(ollama)))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("revision \"" + ollama + "\" did not change qdrant")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .startsWith("pick one of the revisions that changed it (newest first): " + String.join(", ", valid));
        assertThat(home.git().head()).isEqualTo(head);
    }

    @Test
    void anAppWithOnlyItsFirstCommitHasNothingToRollBackTo() {
        assertThatThrownBy(() -> history.rollback(ClusterName.of(TestHome.CLUSTER), "qdrant", Optional.empty()))
                .hasMessageContaining("\"qdrant\" has only one change")
                .hasMessageContaining("there is nothing earlier to roll back to");
    }

    @Test
    void anUnknownAppIsRefused() {
        assertThatThrownBy(() -> history.history(ClusterName.of(TestHome.CLUSTER), "nope"))
                .hasMessage("no app named \"nope\" in the GitOps repo of cluster \"lab\": no commit touched its files")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("sikifanso app list --all");
        assertThatThrownBy(() -> history.rollback(ClusterName.of(TestHome.CLUSTER), "Bad_Name", Optional.empty()))
                .hasMessageStartingWith("invalid app name \"Bad_Name\"");
    }

    @Test
    void anAgentsHistoryCoversItsDefinitionAndValues() throws IOException {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "bob", new AgentSpec(null, null, null, null, null, null,
                null, null));
        String created = read("agents/values/bob.yaml");
        home.services().agents().update(ClusterName.of(TestHome.CLUSTER), "bob", new AgentSpec(null, "2000m", null, null, null,
                null, null, null));

        assertThat(history.history(ClusterName.of(TestHome.CLUSTER), "bob")).extracting(AppHistory.Revision::message)
                .allMatch(m -> m.startsWith("agent: update bob") || m.startsWith("agent: create bob"));
        AppHistory.Rollback r = history.rollback(ClusterName.of(TestHome.CLUSTER), "bob", Optional.empty());

        assertThat(read("agents/values/bob.yaml")).isEqualTo(created);
        assertThat(r.files()).containsExactly("agents/bob.yaml", "agents/values/bob.yaml");
        assertThat(home.git().filesInHead()).containsExactly("agents/values/bob.yaml");
    }

    @Test
    void aRemovedCustomAppComesBackWithItsValues() throws IOException {
        home.services().apps().addWithValues(ClusterName.of(TestHome.CLUSTER), new CustomApp("podinfo",
                "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", "podinfo"), "replicaCount: 2\n");
        home.services().apps().remove(ClusterName.of(TestHome.CLUSTER), "podinfo");

        AppHistory.Rollback r = history.rollback(ClusterName.of(TestHome.CLUSTER), "podinfo", Optional.empty());

        assertThat(r.present()).isTrue();
        assertThat(read("apps/values/podinfo.yaml")).isEqualTo("replicaCount: 2\n");
        assertThat(home.git().filesInHead()).containsExactlyInAnyOrder("apps/coordinates/podinfo.yaml",
                "apps/values/podinfo.yaml");
    }

    @Test
    void theCliPrintsHistoryAndRollsBackOnAClusterThatIsNotRunning() {
        toggleQdrantThreeTimes();
        String previous = history.history(ClusterName.of(TestHome.CLUSTER), "qdrant").get(1).shortRevision();

        RunningLab.Run list = cli("app", "history", "qdrant");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h)
                .matches("REVISION +DATE +MESSAGE"));
        assertThat(list.out()).contains(previous).contains("catalog: disable qdrant");

        RunningLab.Run json = cli("app", "history", "qdrant", "-o", "json");
        assertThat(json.out()).contains("\"shortRevision\"").contains("\"message\": \"catalog: enable qdrant\"");

        RunningLab.Run rollback = cli("app", "rollback", "qdrant");
        assertThat(rollback.code()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("rolled back: qdrant to " + previous);
        assertThat(rollback.err()).as("a cluster without nodes has nothing to wait for").doesNotContain("waiting");

        RunningLab.Run bad = cli("app", "rollback", "qdrant", "--to", "0000000");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("revision \"0000000\" did not change qdrant");
    }

    @Test
    void aRunningClusterWhoseKubeconfigEntryIsGoneStillGetsTheRollbackWithWarnings() {
        toggleQdrantThreeTimes();
        RunningLab.setState(home, com.sikifanso.session.ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
        String head = home.git().head();

        RunningLab.Run run = cli("app", "rollback", "qdrant", "--no-wait");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(home.git().head()).isNotEqualTo(head);
        assertThat(home.git().subjects().get(0)).startsWith("rollback qdrant to ");
        assertThat(run.err()).contains("warning: committed, but could not ask Argo CD to refresh ApplicationSet "
                + "catalog (cannot read the kubeconfig");
    }

    private RunningLab.Run cli(String... args) {
        return RunningLab.cli(tmp, args);
    }
}
