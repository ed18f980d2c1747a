package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog is the user's to edit; mistakes in it are reported with where to fix them. */
class HandEditedCatalogTest {
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

    /** A catalog file as a user would add it to {@code catalog/}. */
    static String catalogEntry(String name, String... dependsOn) {
        StringBuilder yaml = new StringBuilder()
                .append("name: ").append(name).append('\n')
                .append("category: custom\n")
                .append("repoURL: https://charts.example\n")
                .append("chart: ").append(name).append('\n')
                .append("targetRevision: \"1.0.0\"\n")
                .append("namespace: ").append(name).append('\n')
                .append("enabled: false\n");
        if (dependsOn.length > 0) {
            yaml.append("dependsOn:\n");
            for (String dep : dependsOn) {
                yaml.append("  - ").append(dep).append('\n');
            }
        }
        return yaml.toString();
    }

    private void addToCatalog(String name, String... dependsOn) throws IOException {
        Files.writeString(home.gitOps().resolve("catalog/" + name + ".yaml"), catalogEntry(name, dependsOn));
    }

    @Test
    void aDependencyCycleIsRefusedWithTheCyclePath() throws IOException {
        addToCatalog("alpha", "beta");
        addToCatalog("beta", "gamma");
        addToCatalog("gamma", "alpha");
        git.commitAll("hand edit: a cycle");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("alpha")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("dependency cycle in the catalog: alpha -> beta -> gamma -> alpha")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .startsWith("remove one of these from a dependsOn list in catalog/alpha.yaml");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void aCycleReachedThroughADependencyShowsOnlyTheCycle() throws IOException {
        addToCatalog("top", "a");
        addToCatalog("a", "b");
        addToCatalog("b", "a");
        git.commitAll("hand edit: a cycle below top");

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("top")))
                .hasMessage("dependency cycle in the catalog: a -> b -> a");
    }

    @Test
    void aDependencyMissingFromTheCatalogNamesTheFileToFix() throws IOException {
        addToCatalog("lonely", "qdrant", "vanished");
        git.commitAll("hand edit: a dangling dependency");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("lonely")))
                .hasMessage("\"lonely\" depends on \"vanished\", which is not in the catalog")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("fix dependsOn in catalog/lonely.yaml");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void anAddedEntryIsEnabledLikeTheBuiltInOnes() throws IOException {
        addToCatalog("extra", "qdrant");
        git.commitAll("hand edit: extra");

        AppService.ToggleResult result = apps.enable(ClusterName.of(CLUSTER), List.of("extra"));

        assertThat(result.autoEnabled()).containsExactly("qdrant");
        assertThat(git.subjects()).first().isEqualTo("catalog: enable extra (auto-enabled dependencies: qdrant)");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void anEntryWhoseNameDiffersFromItsFileIsReported() throws IOException {
        Files.writeString(home.gitOps().resolve("catalog/odd.yaml"), catalogEntry("even"));

        assertThatThrownBy(() -> apps.list(ClusterName.of(CLUSTER), true))
                .hasMessage("catalog file " + home.gitOps().resolve("catalog/odd.yaml") + " declares name \"even\"")
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("a catalog entry's name must equal its file name: set name: odd");
    }

    @Test
    void aCatalogFileThatIsNotYamlIsReportedWithHowToRestoreIt() throws IOException {
        Files.writeString(home.gitOps().resolve("catalog/qdrant.yaml"), "name: [qdrant\n");
        // Committed: an uncommitted hand edit is refused before any file is read (RepoStateBeforeChangeTest).
        git.commitAll("hand edit: break qdrant");

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("ollama")))
                .hasMessageStartingWith("catalog file " + home.gitOps().resolve("catalog/qdrant.yaml")
                        + " is not valid: ")
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("fix the YAML, or restore it with: git -C " + home.gitOps() + " checkout -- "
                        + "catalog/qdrant.yaml");
    }
}
