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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code app add} and {@code app remove}: one commit each, and a refused add changes nothing. */
class CustomAppTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private AppService apps;
    private GitCli git;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp.resolve("home"));
        apps = home.services().apps();
        git = home.git();
    }

    /** A custom app as {@code app add NAME --repo ... --chart ... --version ... --namespace NAME} gives it. */
    static CustomApp podinfo(String name) {
        return new CustomApp(name, "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", name);
    }

    @Test
    void addingACustomAppIsOneCommitWithItsCoordinatesAndValues() throws IOException {
        Path values = Files.writeString(tmp.resolve("values.yaml"), "# mine\nreplicaCount: 2\n");

        AppService.AddResult result = apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), values);

        assertThat(git.log("%an <%ae>|%s")).hasSize(2).first().isEqualTo("sikifanso <sikifanso@local>|app: add "
                + "podinfo (podinfo 6.10.1 from https://stefanprodan.github.io/podinfo)");
        assertThat(result.commit()).isEqualTo(git.head());
        assertThat(git.filesInHead()).containsExactlyInAnyOrder("apps/coordinates/podinfo.yaml",
                "apps/values/podinfo.yaml");
        assertThat(home.gitOps().resolve("apps/values/podinfo.yaml")).hasContent("# mine\nreplicaCount: 2");
        assertThat(home.gitOps().resolve("apps/coordinates/podinfo.yaml")).content()
                .contains("name: podinfo", "repoURL: https://stefanprodan.github.io/podinfo", "chart: podinfo",
                        "targetRevision: 6.10.1", "namespace: podinfo");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aVersionThatLooksLikeANumberStaysAString() {
        apps.add(ClusterName.of(CLUSTER), new CustomApp("decimal", "https://charts.example", "thing", "1.10", "things"), null);

        assertThat(home.gitOps().resolve("apps/coordinates/decimal.yaml")).content()
                .contains("targetRevision: \"1.10\"");
        assertThat(apps.list(ClusterName.of(CLUSTER), false)).extracting(AppService.AppRow::version).containsExactly("1.10");
    }

    @Test
    void aCustomAppIsListedAsCustomAndReadBack() {
        apps.add(ClusterName.of(CLUSTER), new CustomApp("latest", "https://charts.example", "thing", "*", "things"), null);

        assertThat(apps.list(ClusterName.of(CLUSTER), false)).containsExactly(
                new AppService.AppRow("latest", "custom", "thing", "*", "things", "custom", true));
        assertThat(home.gitOps().resolve("apps/values/latest.yaml")).hasContent("# Helm values for latest");
    }

    @Test
    void removingACustomAppIsOneCommitThatDeletesBothFiles() {
        apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), null);

        String commit = apps.remove(ClusterName.of(CLUSTER), "podinfo").commit().value();

        assertThat(git.subjects()).hasSize(3).first().isEqualTo("app: remove podinfo");
        assertThat(commit).isEqualTo(git.head());
        assertThat(git.filesInHead()).containsExactlyInAnyOrder("apps/coordinates/podinfo.yaml",
                "apps/values/podinfo.yaml");
        assertThat(git.files()).doesNotContain("apps/coordinates/podinfo.yaml", "apps/values/podinfo.yaml")
                .contains("apps/coordinates/.gitkeep", "apps/values/.gitkeep");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aCustomAppCannotTakeACatalogAppsName() {
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.add(ClusterName.of(CLUSTER), podinfo("qdrant"), null))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the name \"qdrant\" is already used by a catalog app")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .endsWith("or enable the catalog app with: sikifanso app enable qdrant");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void aCustomAppCannotTakeAnotherCustomAppsName() {
        apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), null);
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), null))
                .hasMessage("the name \"podinfo\" is already used by a custom app")
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("pick another name, or remove that app first with: sikifanso app remove podinfo");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void removingACatalogAppSaysToDisableItInstead() {
        assertThatThrownBy(() -> apps.remove(ClusterName.of(CLUSTER), "qdrant"))
                .hasMessage("\"qdrant\" is a catalog app, not a custom app")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("turn it off with: sikifanso app disable qdrant");
    }

    @Test
    void removingAnUnknownAppNamesTheCustomApps() {
        apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), null);
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.remove(ClusterName.of(CLUSTER), "nope"))
                .hasMessage("no custom app named \"nope\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("custom apps: podinfo");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    record BadValues(String description, String content, String message) {
        @Override
        public String toString() {
            return description;
        }
    }

    static List<BadValues> badValuesFiles() {
        return List.of(
                new BadValues("invalid YAML", "replicaCount: [1, 2\n", "is not valid YAML"),
                new BadValues("a list, not a mapping", "- a\n- b\n", "is not a YAML mapping"),
                new BadValues("a scalar, not a mapping", "just text\n", "is not a YAML mapping"),
                new BadValues("missing file", null, "does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValuesFiles")
    void aBadValuesFileIsRefusedAndLeavesTheRepoUnchanged(BadValues bad) throws IOException {
        Path values = tmp.resolve("values.yaml");
        if (bad.content() != null) {
            Files.writeString(values, bad.content());
        }
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.add(ClusterName.of(CLUSTER), podinfo("podinfo"), values))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining(values.toString())
                .hasMessageContaining(bad.message())
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aMissingRequiredFieldIsAUsageErrorNamingTheFlag() {
        assertThatThrownBy(() -> apps.add(ClusterName.of(CLUSTER),
                new CustomApp("podinfo", "https://charts.example", "podinfo", " ", "podinfo"), null))
                .hasMessage("missing --version")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
    }
}
