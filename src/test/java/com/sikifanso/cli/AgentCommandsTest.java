package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent commands run in-process as a user types them: what they print, and what they refuse. */
class AgentCommandsTest {
    @TempDir
    Path root;

    private TestHome home;

    @BeforeEach
    void prepare() {
        home = TestHome.withCluster(root);
    }

    private SikifansoProcess.Result run(String... args) {
        return InProcess.run(root, args);
    }

    private String shortHead() {
        return home.git().head().substring(0, 7);
    }

    @Test
    void createInfoListUpdateAndDeleteSayWhatTheyDid() {
        assertThat(run("-c", CLUSTER, "agent", "list").stdout())
                .isEqualTo("No agents yet. Create one with: sikifanso agent create NAME\n");

        SikifansoProcess.Result created = run("-c", CLUSTER, "agent", "create", "coder", "--egress-fqdn",
                "api.github.com", "--no-wait");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).isEqualTo("created agent coder (namespace agent-coder, commit " + shortHead()
                + ")\n");

        SikifansoProcess.Result info = run("-c", CLUSTER, "agent", "info", "coder");
        assertThat(info.stdout()).startsWith("""
                Agent:        coder
                Namespace:    agent-coder
                CPU:          250m requested, 1000m limit
                Memory:       256Mi requested, 1Gi limit
                Pods:         10
                Pod security: restricted
                May reach:
                  - """).contains("\nDenied:\n  - ").doesNotContain("Commit:");

        String[] list = run("-c", CLUSTER, "agent", "list").stdout().split("\n");
        assertThat(list[0].split("\\s+")).containsExactly("NAME", "NAMESPACE", "CPU", "MEMORY", "PODS", "ALLOWED",
                "EGRESS", "BUDGET");
        assertThat(list[1].split("\\s+")).containsExactly("coder", "agent-coder", "250m/1000m", "256Mi/1Gi", "10",
                "litellm-proxy,qdrant,postgresql,valkey", "api.github.com:443", "-");

        assertThat(run("-c", CLUSTER, "agent", "update", "coder", "--pods", "3", "--no-wait").stdout())
                .isEqualTo("updated agent coder (commit " + shortHead() + ")\n");
        assertThat(run("-c", CLUSTER, "agent", "update", "coder", "--pods", "3", "--no-wait").stdout())
                .isEqualTo("agent coder already has these settings; nothing changed\n");

        SikifansoProcess.Result deleted = run("-c", CLUSTER, "agent", "delete", "coder", "--no-wait");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.stdout()).isEqualTo("deleted agent coder (commit " + shortHead() + ")\n");
        assertThat(home.git().subjects().get(0)).isEqualTo("agent: delete coder");
    }

    @Test
    void badPodsAreAUsageErrorAndChangeNothing() {
        String head = home.git().head();

        SikifansoProcess.Result r = run("-c", CLUSTER, "agent", "create", "coder", "--pods", "ten", "--no-wait");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("Error: --pods \"ten\" is not a positive whole number\n"
                + "  give the most pods the agent may run at once, e.g. --pods 10\n");
        assertThat(home.git().head()).isEqualTo(head);
        assertThat(home.git().status()).isEmpty();
    }

    @Test
    void aPodSecurityLevelSandboxesDoNotAllowIsRefused() {
        home.services().agents().create(ClusterName.of(CLUSTER), "coder", new AgentSpec(null, null, null, null, null, null, null,
                null));
        String head = home.git().head();

        SikifansoProcess.Result r = run("-c", CLUSTER, "agent", "update", "coder", "--pod-security", "privileged",
                "--no-wait");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("Error: --pod-security \"privileged\" is not a level sandboxes allow\n"
                + "  use restricted (the default) or baseline\n");
        assertThat(home.git().head()).isEqualTo(head);
    }
}
