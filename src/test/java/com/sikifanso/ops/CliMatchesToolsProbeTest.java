package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.probe.FakeKubelet;
import com.sikifanso.agents.probe.ProbeLab;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.Mappers;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso agent probe demo -o json} is the agent_probe tool's structuredContent (but for the probe pod's
 * random name), and the command exits 1 on a mismatch. The API is the fabric8 mock server in CRUD mode with
 * {@link FakeKubelet} in place of a node (no k3s or Cilium runs here).
 */
@EnableKubernetesMockClient(crud = true)
class CliMatchesToolsProbeTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    @BeforeEach
    void runningLabWithDemo() throws IOException {
        TestHome home = TestHome.withCluster(root);
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", new AgentSpec(null, null, null, null, null,
                List.of("qdrant"), List.of("api.anthropic.com"), null));
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(root, client);
        ProbeLab.seed(client);
        ProbeLab.cilium(client, 1, 1);
    }

    private FakeKubelet kubelet(Set<String> leaks) {
        return new FakeKubelet(server, client, "agent-demo", ProbeLab.enforcing(leaks), FakeKubelet.Behaviour.FINISH);
    }

    @Test
    void probeMatchesAndExitsZeroWhenThePolicyHolds() throws IOException {
        RunningLab.Run cli;
        JsonNode tool;
        try (FakeKubelet kubelet = kubelet(Set.of())) {
            cli = RunningLab.cli(root, "-o", "json", "agent", "probe", "demo");
            tool = tool("agent_probe", Map.of("cluster", TestHome.CLUSTER, "name", "demo"));
        }

        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(withoutPod(Mappers.JSON.readTree(cli.out()))).isEqualTo(withoutPod(tool));
        assertThat(tool.path("passed").asBoolean()).isTrue();
    }

    @Test
    void aMismatchExitsOneAndShowsInTheTable() {
        RunningLab.Run cli;
        try (FakeKubelet kubelet = kubelet(Set.of(ProbeLab.SERVER_IP + ":6443"))) {
            cli = RunningLab.cli(root, "agent", "probe", "demo");
        }

        assertThat(cli.code()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out()).contains("Kubernetes API by the server node's address", ProbeLab.SERVER_IP + ":6443",
                "MISMATCH", "agent demo: 1 destination(s) differ from its policy");
    }

    private JsonNode tool(String tool, Map<String, Object> arguments) {
        Object result = new OperationRegistry().invoke(tool, arguments,
                new OperationContext(RunningLab.cliServices(root), msg -> { }));
        return Mappers.JSON.valueToTree(StructuredResults.of(result));
    }

    private static JsonNode withoutPod(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        ((ObjectNode) copy.path("table")).remove("pod");
        return copy;
    }
}
