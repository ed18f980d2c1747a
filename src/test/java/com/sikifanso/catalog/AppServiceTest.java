package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enabling and disabling catalog apps and profiles: each change one commit, each refusal no change. */
class AppServiceTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private AppService apps;
    private GitCli git;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
        apps = home.services().apps();
        git = home.git();
    }

    @Test
    void enablingAnAppEnablesWhatItDependsOnTransitivelyInOneCommit() {
        AppService.ToggleResult result = apps.enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        assertThat(result.changed()).containsExactly("cnpg-operator", "prometheus-stack", "postgresql", "valkey",
                "langfuse");
        assertThat(result.autoEnabled()).containsExactly("cnpg-operator", "prometheus-stack", "postgresql", "valkey");
        assertThat(git.log("%an <%ae>|%s")).hasSize(2).first().isEqualTo("sikifanso <sikifanso@local>|catalog: "
                + "enable langfuse (auto-enabled dependencies: cnpg-operator, prometheus-stack, postgresql, valkey)");
        assertThat(result.commit()).contains(git.head());
        assertThat(git.filesInHead()).containsExactlyInAnyOrder("catalog/cnpg-operator.yaml",
                "catalog/prometheus-stack.yaml", "catalog/postgresql.yaml", "catalog/valkey.yaml",
                "catalog/langfuse.yaml");
        assertThat(enabledApps()).containsExactlyInAnyOrder("cnpg-operator", "prometheus-stack", "postgresql",
                "valkey", "langfuse");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void enablingReportsOnlyTheDependenciesItHadToTurnOn() {
        apps.enable(ClusterName.of(CLUSTER), List.of("postgresql"));

        AppService.ToggleResult result = apps.enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        assertThat(result.changed()).containsExactly("valkey", "langfuse");
        assertThat(result.autoEnabled()).containsExactly("valkey");
        assertThat(git.subjects()).first().isEqualTo("catalog: enable langfuse (auto-enabled dependencies: valkey)");
    }

    @Test
    void enablingSeveralAppsIsOneCommitNamingThemAll() {
        apps.enable(ClusterName.of(CLUSTER), List.of("qdrant", "ollama"));

        assertThat(git.subjects()).hasSize(2).first().isEqualTo("catalog: enable qdrant, ollama");
        assertThat(enabledApps()).containsExactlyInAnyOrder("qdrant", "ollama");
    }

    @Test
    void enablingAnAlreadyEnabledAppMakesNoCommit() {
        apps.enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        RepoSnapshot before = RepoSnapshot.of(git);

        AppService.ToggleResult again = apps.enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        assertThat(again.commit()).isEmpty();
        assertThat(again.changed()).isEmpty();
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void enablingKeepsTheCatalogFilesCommentsAndLayout() {
        String before = read("catalog/postgresql.yaml");

        apps.enable(ClusterName.of(CLUSTER), List.of("postgresql"));

        assertThat(read("catalog/postgresql.yaml")).isEqualTo(before.replace("enabled: false", "enabled: true"));
    }

    @Test
    void enablingAnUnknownAppIsRefusedWithTheCatalogsNames() {
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("qdrant", "nope")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("app \"nope\" is not in the catalog")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .startsWith("available: alloy, cnpg-operator, external-secrets, ")
                .endsWith("(see them with: sikifanso app list --all)");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void disablingAnAppOthersDependOnIsRefused() {
        apps.enable(ClusterName.of(CLUSTER), List.of("langfuse", "temporal"));
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.disable(ClusterName.of(CLUSTER), "postgresql", false))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("cannot disable postgresql: enabled apps depend on it: langfuse, temporal")
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("disable those first, or use --force to disable postgresql anyway (they may break)");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void disablingWithForceDisablesItAndRecordsWhatStillDependsOnIt() {
        apps.enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        AppService.ToggleResult result = apps.disable(ClusterName.of(CLUSTER), "postgresql", true);

        assertThat(result.changed()).containsExactly("postgresql");
        assertThat(git.subjects()).hasSize(3).first()
                .isEqualTo("catalog: disable postgresql (forced; still enabled: langfuse)");
        assertThat(git.filesInHead()).containsExactly("catalog/postgresql.yaml");
        assertThat(enabledApps()).doesNotContain("postgresql").contains("langfuse");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void disablingAnAppNothingDependsOnIsOneCommitAndKeepsItsDependencies() {
        apps.enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        apps.disable(ClusterName.of(CLUSTER), "langfuse", false);

        assertThat(git.subjects()).first().isEqualTo("catalog: disable langfuse");
        assertThat(enabledApps()).containsExactlyInAnyOrder("cnpg-operator", "prometheus-stack", "postgresql",
                "valkey");
    }

    @Test
    void disablingADisabledAppMakesNoCommit() {
        RepoSnapshot before = RepoSnapshot.of(git);

        AppService.ToggleResult result = apps.disable(ClusterName.of(CLUSTER), "qdrant", false);

        assertThat(result.commit()).isEmpty();
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void profilesComposeAsTheUnionOfTheirAppsInOneCommit() {
        AppService.ToggleResult result = apps.enableProfiles(ClusterName.of(CLUSTER), ProfileSelection.parse("agent-dev,rag"));

        assertThat(enabledApps()).containsExactlyInAnyOrder(
                // agent-dev
                "litellm-proxy", "ollama", "langfuse", "qdrant", "cnpg-operator", "postgresql", "valkey", "alloy",
                // rag, beyond agent-dev
                "text-embeddings-inference", "unstructured",
                // dependencies neither profile names
                "prometheus-stack", "loki", "tempo");
        assertThat(result.autoEnabled()).containsExactlyInAnyOrder("prometheus-stack", "loki", "tempo");
        assertThat(git.subjects()).hasSize(2).first().isEqualTo("profile agent-dev,rag: enable litellm-proxy, "
                + "ollama, langfuse, qdrant, cnpg-operator, postgresql, valkey, alloy, text-embeddings-inference, "
                + "unstructured (auto-enabled dependencies: prometheus-stack, loki, tempo)");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aProfileWhoseAppsAreAllEnabledMakesNoCommit() {
        apps.enableProfiles(ClusterName.of(CLUSTER), ProfileSelection.parse("rag"));
        String head = git.head();

        assertThat(apps.enableProfiles(ClusterName.of(CLUSTER), ProfileSelection.parse("rag")).commit()).isEmpty();
        assertThat(git.head()).isEqualTo(head);
    }

    @Test
    void anUnknownProfileIsRefusedBeforeAnythingIsWritten() {
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enableProfiles(ClusterName.of(CLUSTER), ProfileSelection.parse("agent-dev,nope,worse")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("unknown profiles \"nope\", \"worse\"")
                .satisfies(e -> {
                    SikifansoException s = (SikifansoException) e;
                    assertThat(s.exitCode()).isEqualTo(SikifansoException.USAGE);
                    assertThat(s.hint()).isEqualTo("available: agent-dev, agent-full, agent-minimal, agent-safe, rag"
                            + " (see them with: sikifanso cluster profiles)");
                });
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void listingShowsEnabledAppsAndWithAllTheWholeCatalog() {
        apps.enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        assertThat(apps.list(ClusterName.of(CLUSTER), false)).containsExactly(
                new AppService.AppRow("qdrant", "rag", "qdrant", "1.17.1", "rag", "catalog", true));
        assertThat(apps.list(ClusterName.of(CLUSTER), true)).hasSize(21)
                .filteredOn(AppService.AppRow::enabled).extracting(AppService.AppRow::name).containsExactly("qdrant");
    }

    @Test
    void aMissingSessionIsReportedWithHowToPrepareTheCluster() {
        assertThatThrownBy(() -> apps.enable(ClusterName.of("ghost"), List.of("qdrant")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("no cluster named \"ghost\" (no session at " + home.sessionFile("ghost") + ")")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("sikifanso cluster create ghost --gitops-only");
        assertThat(home.clusterDir("ghost")).doesNotExist();
    }

    private List<String> enabledApps() {
        return apps.list(ClusterName.of(CLUSTER), false).stream().map(AppService.AppRow::name).toList();
    }

    private String read(String path) {
        try {
            return java.nio.file.Files.readString(home.gitOps().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
