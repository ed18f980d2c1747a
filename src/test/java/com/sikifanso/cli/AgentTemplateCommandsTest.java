package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent templates as a user types them, on a --gitops-only cluster (a sandbox is repo content): the built-in ones, a
 * file, flags over a template, and a template agent create's own checks refuse, with the flags' messages.
 */
class AgentTemplateCommandsTest {
    @TempDir
    Path home;

    @BeforeEach
    void aCluster() {
        assertThat(InProcess.run(home, "cluster", "create", "lab", "--gitops-only").exitCode()).isZero();
    }

    private String values(String agent) throws Exception {
        return Files.readString(home.resolve("clusters/lab/gitops/agents/values/" + agent + ".yaml"));
    }

    @Test
    void theBuiltInTemplatesAreListedAndShown() {
        SikifansoProcess.Result list = InProcess.run(home, "agent", "templates");
        SikifansoProcess.Result show = InProcess.run(home, "agent", "templates", "--show", "coding");

        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).startsWith("NAME").contains("research", "litellm-proxy,qdrant", "coding",
                "github.com");
        assertThat(show.stdout()).startsWith("apiVersion: sikifanso.io/v1alpha1\nkind: AgentTemplate\n")
                .contains("name: coding", "- github.com");
    }

    @Test
    void anAgentMadeFromABuiltInTemplateHasItsSettingsAndFlagsWinOverThem() throws Exception {
        SikifansoProcess.Result scout = InProcess.run(home, "-c", "lab", "agent", "create", "scout", "--template",
                "research", "--no-wait");
        SikifansoProcess.Result dev = InProcess.run(home, "-c", "lab", "agent", "create", "dev", "--template",
                "coding", "--memory-limit", "4Gi", "--no-wait");

        assertThat(scout.exitCode()).as(scout.stderr()).isZero();
        assertThat(values("scout")).contains("name: litellm-proxy", "name: qdrant", "pods: 5")
                .doesNotContain("name: postgresql", "host:");
        assertThat(dev.exitCode()).as(dev.stderr()).isZero();
        assertThat(values("dev")).contains("memoryLimit: 4Gi", "cpuLimit: \"2\"", "host: github.com", "port: 443")
                .doesNotContain("name: qdrant");
        assertThat(new GitCli(home.resolve("clusters/lab/gitops")).subjects().get(0)).startsWith("agent: create dev");
    }

    @Test
    void aTemplateFileIsCheckedAsTheFlagsAreAndABadOneChangesNothing() throws Exception {
        Path odd = Files.writeString(home.resolve("odd.yaml"), """
                apiVersion: sikifanso.io/v1alpha1
                kind: AgentTemplate
                metadata: {name: odd}
                spec:
                  allow: [vllm-turbo]
                """);
        Path bundle = Files.writeString(home.resolve("bundle.yaml"),
                "apiVersion: sikifanso.io/v1alpha1\nkind: ProfileBundle\nmetadata: {name: b}\n");
        String head = new GitCli(home.resolve("clusters/lab/gitops")).head();

        SikifansoProcess.Result unknownApp = InProcess.run(home, "-c", "lab", "agent", "create", "a1", "--template",
                odd.toString());
        SikifansoProcess.Result wrongKind = InProcess.run(home, "-c", "lab", "agent", "create", "a2", "--template",
                bundle.toString());
        SikifansoProcess.Result noSuch = InProcess.run(home, "-c", "lab", "agent", "create", "a3", "--template",
                "reseach");

        assertThat(unknownApp.exitCode()).isEqualTo(2);
        assertThat(unknownApp.stderr()).contains("--allow vllm-turbo: no such app in the catalog");
        assertThat(wrongKind.exitCode()).isEqualTo(1);
        assertThat(wrongKind.stderr()).contains("is a ProfileBundle, not an AgentTemplate");
        assertThat(noSuch.exitCode()).isEqualTo(2);
        assertThat(noSuch.stderr()).contains("no built-in agent template named \"reseach\"", "coding, research");
        assertThat(new GitCli(home.resolve("clusters/lab/gitops")).head()).isEqualTo(head);
    }
}
