package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.SyncTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several catalog changes at once (the catalog browser's apply): one commit, or a refusal that writes nothing. */
class CatalogChangeTest {
    @TempDir
    Path tmp;

    private AppService apps;
    private GitCli git;

    @BeforeEach
    void clusterWithQdrantAndLokiOn() {
        TestHome home = TestHome.withCluster(tmp);
        apps = home.services().apps();
        git = home.git();
        apps.enable(ClusterName.of(CLUSTER), List.of("qdrant", "loki"));
    }

    @Test
    void enablesWithDependenciesAndDisablesInOneCommitWaitingOnlyForWhatWasEnabled() {
        AppService.ChangeResult result = apps.change(ClusterName.of(CLUSTER), List.of("temporal"), List.of("qdrant"));

        assertThat(result.enabled()).containsExactly("cnpg-operator", "prometheus-stack", "postgresql", "temporal");
        assertThat(result.autoEnabled()).containsExactly("cnpg-operator", "prometheus-stack", "postgresql");
        assertThat(result.disabled()).containsExactly("qdrant");
        assertThat(git.subjects()).hasSize(3).first().isEqualTo("catalog: enable cnpg-operator, prometheus-stack, "
                + "postgresql, temporal; disable qdrant (auto-enabled dependencies: cnpg-operator, prometheus-stack, "
                + "postgresql)");
        assertThat(git.filesInHead()).containsExactlyInAnyOrder("catalog/cnpg-operator.yaml",
                "catalog/prometheus-stack.yaml", "catalog/postgresql.yaml", "catalog/temporal.yaml",
                "catalog/qdrant.yaml");
        assertThat(result.commit()).contains(git.head());
        assertThat(enabled()).containsExactlyInAnyOrder("loki", "cnpg-operator", "prometheus-stack", "postgresql",
                "temporal");
        List<SyncTarget> targets = result.pendingSync().orElseThrow().targets();
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(SyncTarget.Kind.APPEAR);
            assertThat(t.apps()).extracting(SyncTarget.App::name)
                    .containsExactly("cnpg-operator", "prometheus-stack", "postgresql", "temporal");
        });
        assertThat(git.status()).isEmpty();
    }

    @Test
    void onlyDisablingIsOneCommitWithNothingToWaitFor() {
        AppService.ChangeResult result = apps.change(ClusterName.of(CLUSTER), List.of(), List.of("qdrant", "loki"));

        assertThat(git.subjects()).first().isEqualTo("catalog: disable loki, qdrant");
        assertThat(enabled()).isEmpty();
        assertThat(result.pendingSync().orElseThrow().targets()).isEmpty();
    }

    @Test
    void disablingWhatAnAppLeftEnabledNeedsIsRefusedAndWritesNothing() {
        apps.enable(ClusterName.of(CLUSTER), List.of("alloy"));   // needs loki and tempo
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.change(ClusterName.of(CLUSTER), List.of("ollama"), List.of("loki")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("cannot disable loki: apps enabled after this change depend on it: alloy");
        assertThatThrownBy(() -> apps.change(ClusterName.of(CLUSTER), List.of("temporal"), List.of("postgresql")))
                .as("a dependency of an app being enabled").hasMessage("cannot disable postgresql: apps enabled "
                        + "after this change depend on it: temporal");

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        apps.change(ClusterName.of(CLUSTER), List.of(), List.of("loki", "alloy"));
        assertThat(enabled()).containsExactlyInAnyOrder("qdrant", "tempo");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() {
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.change(ClusterName.of(CLUSTER), List.of("ollama"), List.of("ollama")))
                .hasMessage("asked to enable and disable ollama");
        assertThatThrownBy(() -> apps.change(ClusterName.of(CLUSTER), List.of("nope"), List.of()))
                .hasMessage("app \"nope\" is not in the catalog");
        assertThatThrownBy(() -> apps.change(ClusterName.of(CLUSTER), List.of(), List.of("Bad_Name")))
                .hasMessageContaining("Bad_Name");

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void nothingToChangeMakesNoCommit() {
        RepoSnapshot before = RepoSnapshot.of(git);

        AppService.ChangeResult result = apps.change(ClusterName.of(CLUSTER), List.of("qdrant"), List.of("ollama"));

        assertThat(result.commit()).isEmpty();
        assertThat(result.enabled()).isEmpty();
        assertThat(result.disabled()).isEmpty();
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    private List<String> enabled() {
        return apps.list(ClusterName.of(CLUSTER), false).stream().map(AppService.AppRow::name).toList();
    }
}
