package com.sikifanso.session;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionStoreTest {
    @TempDir
    Path tmp;

    /** A session as {@code cluster create} records it once the cluster runs, password included. */
    static Session runningSession(String cluster, Path gitOps) {
        return new Session(cluster, ClusterState.RUNNING, Instant.parse("2025-01-02T03:04:05Z"), "embedded", null,
                gitOps.toString(),
                new Session.Services(new Session.ArgoCd("http://localhost:30080", "admin", "s3cret", "9.1.0"),
                        new Session.Hubble("http://localhost:30081")),
                new Session.K3dConfig("rancher/k3s:v1.33.4-k3s1", 1, 0),
                new Session.Ports(6443, 8080, 8443, 30080, 30081));
    }

    @Test
    void aSessionIsWrittenAtomicallyOwnerOnlyAndReadBack() throws IOException {
        SessionStore store = new SessionStore(new SikifansoHome(tmp));
        Session session = runningSession("lab", tmp.resolve("clusters/lab/gitops"));

        store.save(session);

        Path file = tmp.resolve("clusters/lab/session.yaml");
        assertThat(store.load(ClusterName.of("lab"))).isEqualTo(session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(file).content().contains("state: running", "apiServer: 6443", "argocdUI: 30080");
    }

    @Test
    void secretsAreBlankedForOutput() {
        Session session = runningSession("lab", tmp);

        assertThat(session.withoutSecrets().services().argocd().password()).isNull();
        assertThat(session.withoutSecrets().services().argocd().username()).isEqualTo("admin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unclosed flow sequence | 'name: [oops'                        | it is not valid YAML at line 1, column 12 (while parsing a flow sequence; expected ',' or ']', but got <stream end>)",
        "a list for a text      | 'clusterName: [oops'                 | clusterName has a value of the wrong kind at line 1",
        "not a mapping          | '- just\\n- a list'                  | it is not a mapping of the session's fields",
        "empty                  | ''                                   | it is empty",
        "only a comment         | '# nothing here'                     | it is empty",
        "no gitOpsPath          | 'clusterName: lab'                   | clusterName or gitOpsPath is missing",
        "another cluster's      | 'clusterName: other\\ngitOpsPath: /x' | it names cluster \"other\"",
        "unknown state          | 'clusterName: lab\\nstate: melting'  | state \"melting\" is not one of not-created, running, stopped"})
    void aCorruptSessionNamesTheFileAndHowToRecoverAndIsNotOverwritten(String what, String content, String detail)
            throws IOException {
        TestHome home = TestHome.withCluster(tmp);
        Path file = home.sessionFile(CLUSTER);
        String corrupt = content.replace("\\n", "\n");
        Files.writeString(file, corrupt);

        for (Runnable use : List.<Runnable>of(
                () -> home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant")),
                () -> home.services().clusters().info(ClusterName.of(CLUSTER)),
                () -> home.services().clusters().prepare(ClusterName.of(CLUSTER), new TemplateSource.Embedded(), ProfileSelection.parse("rag")))) {
            assertThatThrownBy(use::run)
                    .isInstanceOf(SikifansoException.class)
                    .hasMessageStartingWith("session file " + file + " is corrupt: ")
                    .hasMessageContaining(detail)
                    .extracting(e -> ((SikifansoException) e).hint())
                    .isEqualTo("repair the YAML by hand, or remove the cluster with: sikifanso cluster delete lab"
                            + " (its snapshots are kept)");
        }
        assertThat(file).content().isEqualTo(corrupt);
        assertThat(home.git().subjects()).hasSize(1);
    }

    @Test
    void aMissingSessionSaysHowToPrepareTheCluster() {
        SessionStore store = new SessionStore(new SikifansoHome(tmp));

        assertThatThrownBy(() -> store.load(ClusterName.of("ghost")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("no cluster named \"ghost\" (no session at " + tmp.resolve("clusters/ghost/session.yaml")
                        + ")")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("see the clusters you have with: "
                        + "sikifanso cluster info, or prepare this one with: sikifanso cluster create ghost --gitops-only");
    }

    @Test
    void aSessionWhoseRepoWasRemovedSaysHowToRecreateIt() throws IOException {
        TestHome home = TestHome.withCluster(tmp);
        com.sikifanso.core.LocalFiles.deleteRecursively(home.gitOps());

        assertThatThrownBy(() -> home.services().apps().list(ClusterName.of(CLUSTER), false))
                .hasMessage("the GitOps repo of cluster \"lab\" is missing: " + home.gitOps()
                        + " is not a git repository");
    }

    @Test
    void aHomeThatIsARegularFileIsReportedNotTreatedAsEmpty() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory\n");
        TestHome home = TestHome.at(file);

        assertThatThrownBy(() -> home.services().clusters().list())
                .isInstanceOf(SikifansoException.class)
                .hasMessage("cannot use " + file + " as sikifanso's home: " + file + " is a file, not a directory")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("SIKIFANSO_HOME");
        assertThatThrownBy(() -> home.services().clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null))
                .hasMessageStartingWith("cannot create lock file " + file.resolve("locks/lab.lock") + ": ")
                .hasMessageContaining("Not a directory")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("set SIKIFANSO_HOME to a directory you own");
        assertThatThrownBy(() -> home.services().apps().list(ClusterName.of("lab"), true))
                .hasMessageStartingWith("cannot read session file " + file.resolve("clusters/lab/session.yaml"));
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void aHomeUnderARegularFileIsReported() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory\n");
        TestHome home = TestHome.at(file.resolve("home"));

        assertThatThrownBy(() -> home.services().clusters().list())
                .hasMessage("cannot use " + file.resolve("home") + " as sikifanso's home: " + file
                        + " is a file, not a directory");
        assertThatThrownBy(() -> home.services().clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), ProfileSelection.parse("rag")))
                .hasMessageStartingWith("cannot create lock file " + file.resolve("home/locks/lab.lock") + ": ")
                .hasMessageContaining("Not a directory");
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void aNewHomeHasNoClustersYet() {
        assertThat(TestHome.at(tmp.resolve("not/yet/made")).services().clusters().list()).isEmpty();
    }
}
