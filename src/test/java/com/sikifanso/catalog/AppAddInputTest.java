package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code app add} is given is bounded and of the shape Argo CD can use, or refused before any write. */
class AppAddInputTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private RepoSnapshot before;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp.resolve("home"));
        before = RepoSnapshot.of(home.git());
    }

    private void refused(CustomApp app, Path values, String message) {
        assertThatThrownBy(() -> home.services().apps().add(ClusterName.of(CLUSTER), app, values))
                .isInstanceOf(SikifansoException.class)
                .hasMessage(message)
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    private static CustomApp app(String repo, String chart, String version) {
        return new CustomApp("podinfo", repo, chart, version, "podinfo");
    }

    private static CustomApp podinfo() {
        return app("https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1");
    }

    @Test
    void anEndlessValuesFileIsRefusedAtOnce() {
        refused(podinfo(), Path.of("/dev/zero"), "values file /dev/zero is larger than 1 MiB");
    }

    @Test
    void aFourMegabyteOneLineValuesFileIsRefusedWithoutParsingIt() throws Exception {
        Path big = Files.writeString(tmp.resolve("big.yaml"), "key: " + "x".repeat(4 << 20));
        refused(podinfo(), big, "values file " + big + " is larger than 1 MiB");
    }

    @Test
    void valuesTextOverMcpIsBoundedToo() {
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), podinfo(),
                "key: " + "é".repeat(600_000)))
                .hasMessage("values is larger than 1 MiB");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void aValuesFileJustUnderTheLimitIsAccepted() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok.yaml"), "key: " + "x".repeat((1 << 20) - 10) + "\n");
        home.services().apps().add(ClusterName.of(CLUSTER), podinfo(), ok);
        assertThat(home.git().subjects()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "file:///etc | --repo \"file:///etc\" is not an https, http or oci URL with a host",
        "/etc/charts | --repo \"/etc/charts\" is not an https, http or oci URL with a host",
        "ftp://example.com/charts | --repo \"ftp://example.com/charts\" is not an https, http or oci URL with a host",
        "https:///charts | --repo \"https:///charts\" is not an https, http or oci URL with a host",
        "https://user:secret@example.com/charts | --repo \"https://…@example.com\" holds credentials, which would be "
            + "committed to the GitOps repo"})
    void aRepoThatIsNotAHelmRepositoryUrlIsRefused(String repo, String message) {
        refused(app(repo, "podinfo", "6.10.1"), null, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "charts/podinfo", ".hidden", "-x", "pod info", "a..b", "{{name}}"})
    void aChartThatIsNotAChartNameIsRefused(String chart) {
        assertThatThrownBy(() -> home.services().apps().add(ClusterName.of(CLUSTER), app("https://charts.example", chart, "1.0.0"),
                null)).hasMessageStartingWith("--chart ").hasMessageContaining("\"" + chart + "\"");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void aChartNameWithANewlineIsRefusedOnOneLine() {
        refused(app("https://charts.example", "podinfo\nevil: true", "1.0.0"), null,
                "--chart \"podinfo\\nevil: true\" holds a control character or a space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{name}}", "latest", "1.0.0\n", "main", "6.10.1; rm -rf", "1.2.3.4", ">=", "||", "1.0 -"})
    void aVersionThatIsNeitherSemverNorARangeIsRefused(String version) {
        assertThatThrownBy(() -> home.services().apps().add(ClusterName.of(CLUSTER), app("https://charts.example", "podinfo",
                version), null)).hasMessageStartingWith("--version ")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.10.1", "v1.2.3", "1.0.0-rc.1+build.5", "*", "6.*", "6.x", "^6.10", "~6.10.1",
        ">=6.0.0 <7.0.0", ">= 6.0.0, < 7.0.0", "1.2.3 || >=2.0.0", "!=1.2.3"})
    void semverAndItsRangesAreAccepted(String version) {
        assertThatCode(() -> ChartReference.require("oci://ghcr.io/stefanprodan/charts", "podinfo", version))
                .doesNotThrowAnyException();
    }
}
