package com.sikifanso.cluster;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterServiceTest {
    @TempDir
    Path tmp;

    @Test
    void preparingWritesAnOwnerOnlySessionInStateNotCreated() throws IOException {
        TestHome home = TestHome.at(tmp);

        ClusterService.Prepared prepared = home.services().clusters()
                .prepare(ClusterName.of("lab1"), new TemplateSource.Embedded(), null);

        Session session = prepared.session();
        assertThat(prepared.reused()).isFalse();
        assertThat(session.clusterName()).isEqualTo("lab1");
        assertThat(session.state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(session.bootstrapURL()).isEqualTo("embedded");
        assertThat(session.gitOpsPath()).isEqualTo(home.gitOps("lab1").toString());
        assertThat(home.services().clusters().info(ClusterName.of("lab1"))).isEqualTo(session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.sessionFile("lab1"))))
                .isEqualTo("rw-------");
        assertThat(home.sessionFile("lab1")).content().contains("state: not-created");
        assertThat(home.git("lab1").subjects()).hasSize(1);
        assertThat(home.git("lab1").status()).isEmpty();
    }

    @Test
    void preparingAgainReusesTheRepoAsItIs() throws IOException {
        TestHome home = TestHome.withCluster(tmp);
        home.services().apps().enable(ClusterName.of(TestHome.CLUSTER), java.util.List.of("qdrant"));
        String head = home.git().head();
        byte[] session = Files.readAllBytes(home.sessionFile(TestHome.CLUSTER));

        ClusterService.Prepared again = home.services().clusters()
                .prepare(ClusterName.of(TestHome.CLUSTER), new TemplateSource.Embedded(), null);

        assertThat(again.reused()).isTrue();
        assertThat(home.git().head()).isEqualTo(head);
        assertThat(Files.readAllBytes(home.sessionFile(TestHome.CLUSTER))).isEqualTo(session);
    }

    @Test
    void aProfileGivenWhenPreparingIsEnabledInASecondCommit() {
        TestHome home = TestHome.at(tmp);

        ClusterService.Prepared prepared = home.services().clusters()
                .prepare(ClusterName.of("lab2"), new TemplateSource.Embedded(), ProfileSelection.parse("agent-minimal"));

        assertThat(prepared.profile()).get().satisfies(r -> assertThat(r.changed()).containsExactlyInAnyOrder(
                "litellm-proxy", "langfuse", "cnpg-operator", "postgresql", "valkey", "prometheus-stack", "ollama"));
        assertThat(home.git("lab2").subjects()).hasSize(2)
                .first().asString().startsWith("profile agent-minimal: enable litellm-proxy, langfuse");
    }

    @Test
    void anUnknownProfileIsRefusedBeforeAnythingIsWritten() {
        TestHome home = TestHome.at(tmp);

        assertThatThrownBy(() -> home.services().clusters()
                .prepare(ClusterName.of("lab3"), new TemplateSource.Embedded(), ProfileSelection.parse("agent-dev,nope")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("unknown profile \"nope\"")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aBadClusterNameIsRefusedWithTheRuleBeforeAnythingIsWritten() {
        TestHome home = TestHome.at(tmp);

        assertThatThrownBy(() -> home.services().clusters().prepare(ClusterName.of("Lab_1"), new TemplateSource.Embedded(), null))
                .hasMessage("invalid cluster name \"Lab_1\": a name must be a DNS-1123 label (lowercase letters, "
                        + "digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void deletingRemovesTheSessionAndTheRepo() {
        TestHome home = TestHome.withCluster(tmp);

        home.services().clusters().delete(ClusterName.of(TestHome.CLUSTER));

        assertThat(home.clusterDir(TestHome.CLUSTER)).doesNotExist();
        assertThat(home.services().sessions().names()).isEmpty();
    }

    @Test
    void deletingAMissingClusterNamesTheOnesThatExist() {
        TestHome home = TestHome.withCluster(tmp).prepare("other");

        assertThatThrownBy(() -> home.services().clusters().delete(ClusterName.of("ghost")))
                .hasMessage("no cluster named \"ghost\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("clusters: lab, other");
    }

    @Test
    void aCorruptSessionIsNeverOverwrittenByPreparingAgainButCanBeDeleted() throws IOException {
        TestHome home = TestHome.withCluster(tmp);
        Path file = home.sessionFile(TestHome.CLUSTER);
        Files.writeString(file, "clusterName: [oops\n");

        assertThatThrownBy(() -> home.services().clusters()
                .prepare(ClusterName.of(TestHome.CLUSTER), new TemplateSource.Embedded(), null))
                .hasMessageStartingWith("session file " + file + " is corrupt: ");
        assertThat(file).hasContent("clusterName: [oops");

        home.services().clusters().delete(ClusterName.of(TestHome.CLUSTER));
        assertThat(home.clusterDir(TestHome.CLUSTER)).doesNotExist();
    }

    @Test
    void listingReportsAnUnreadableSessionNextToTheGoodOnes() throws IOException {
        TestHome home = TestHome.withCluster(tmp).prepare("broken");
        Files.writeString(home.sessionFile("broken"), "- not a session\n");

        assertThat(home.services().clusters().list()).satisfiesExactly(
                broken -> {
                    assertThat(broken.name()).isEqualTo("broken");
                    assertThat(broken.error()).startsWith("session file " + home.sessionFile("broken")
                            + " is corrupt");
                },
                lab -> assertThat(lab.session().clusterName()).isEqualTo("lab"));
    }
}
