package com.sikifanso.clusterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTemplatesTest {
    @TempDir
    Path home;

    @Test
    void theBuiltInTemplatesAreListedWithWhatTheyAreFor() {
        ClusterTemplates templates = new ClusterTemplates(home.resolve("templates"));

        assertThat(templates.all()).extracting(ClusterTemplates.Template::name)
                .containsExactly("agent-lab", "local-inference", "rag-lab");
        assertThat(templates.all()).allSatisfy(t -> {
            assertThat(t.source()).isEqualTo("built-in");
            assertThat(t.description()).isNotBlank();
        });
        assertThat(templates.load("rag-lab").profiles()).containsExactly("rag");
    }

    @Test
    void theUsersOwnAreListedAndWinOverABuiltInOfTheSameName() throws IOException {
        Path dir = Files.createDirectories(home.resolve("templates"));
        Files.writeString(dir.resolve("my-lab.yaml"), "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n"
                + "metadata: {description: mine}\nnodes: {agents: 3}\n");
        Files.writeString(dir.resolve("rag-lab.yaml"), "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n"
                + "profiles: [agent-dev]\n");
        ClusterTemplates templates = new ClusterTemplates(dir);

        assertThat(templates.all()).extracting(ClusterTemplates.Template::name)
                .containsExactly("agent-lab", "local-inference", "my-lab", "rag-lab");
        assertThat(templates.all()).filteredOn(t -> t.name().equals("my-lab")).singleElement()
                .satisfies(t -> assertThat(t.source()).isEqualTo(dir.resolve("my-lab.yaml").toString()));
        assertThat(templates.load("my-lab").nodes().agents()).isEqualTo(3);
        assertThat(templates.load("rag-lab").profiles()).containsExactly("agent-dev");
    }

    @Test
    void anUnknownTemplateListsTheNamesThereAre() {
        assertThatThrownBy(() -> new ClusterTemplates(home.resolve("templates")).load("big-lab"))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("no cluster template named \"big-lab\"");
                    assertThat(e.hint()).isEqualTo("templates: agent-lab, local-inference, rag-lab (sikifanso cluster"
                            + " templates; yours go in " + home.resolve("templates") + "/NAME.yaml)");
                });
    }

    @Test
    void aBrokenUserTemplateIsReportedWithItsFileAndLine() throws IOException {
        Path dir = Files.createDirectories(home.resolve("templates"));
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\nnodes: 3\n");

        assertThatThrownBy(() -> new ClusterTemplates(dir).load("bad"))
                .hasMessage(dir.resolve("bad.yaml") + " line 3: nodes is 3, not a mapping");
    }
}
