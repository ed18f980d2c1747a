package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.GoDurations;
import com.sikifanso.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node containers k3d would make, as data: no Docker needed. */
class NodeLayoutTest {
    private static final NodeLayout.Network NETWORK = new NodeLayout.Network("net-id", "172.30.0.0/16", "172.30.0.1");

    private static ClusterPlan plan(int servers, int agents) {
        return new ClusterPlan(ClusterName.of("lab"), "rancher/k3s:v1.36.3-k3s1", servers, agents,
                List.of("--flannel-backend=none", "--disable=traefik"), Path.of("/repo"),
                new Session.Ports(41000, 41001, 41002, 41003, 41004), new ClusterPlan.NodePorts(30082, 30083, 30080,
                30081), "tok", false, "1.0", ServerLoadBalancer.DEFAULT_IMAGE);
    }

    @Test
    void aMultiServerClusterInitialisesOnServerZeroAndJoinsTheOthersToIt() {
        List<NodeSpec> nodes = NodeLayout.nodes(plan(3, 1), NETWORK);

        assertThat(nodes).extracting(NodeSpec::name).containsExactly("k3d-lab-server-0", "k3d-lab-server-1",
                "k3d-lab-server-2", "k3d-lab-agent-0", "k3d-lab-serverlb");
        assertThat(nodes.get(0).cmd()).contains("--cluster-init").containsSequence("--tls-san", "k3d-lab-serverlb");
        assertThat(nodes.get(0).labels()).containsEntry("k3d.server.init", "true");
        assertThat(nodes.get(1).cmd()).doesNotContain("--cluster-init");
        assertThat(nodes.get(1).env()).contains("K3S_URL=https://k3d-lab-server-0:6443");
        assertThat(nodes.get(1).labels()).containsEntry("k3d.server.init", "false");
        // Behind a load balancer no server publishes anything; the LB publishes the host ports.
        assertThat(nodes.subList(0, 4)).allSatisfy(n -> assertThat(n.ports()).isEmpty());
        NodeSpec lb = nodes.get(4);
        assertThat(lb.role()).isEqualTo(NodeSpec.Role.LOADBALANCER);
        assertThat(lb.image()).isEqualTo(ServerLoadBalancer.DEFAULT_IMAGE);
        assertThat(lb.labels()).containsEntry("k3d.role", "loadbalancer").containsEntry("k3d.cluster", "lab");
        assertThat(lb.ports()).containsEntry(6443, 41000).containsEntry(30082, 41001)
                .containsEntry(30083, 41002).containsEntry(30080, 41003).containsEntry(30081, 41004);
        assertThat(lb.binds()).containsExactly("k3d-lab-images:/k3d/images");
        assertThat(nodes.subList(0, 4)).allSatisfy(n -> assertThat(n.binds()).containsExactly("/repo:/local-gitops",
                "k3d-lab-images:/k3d/images"));
    }

    /** k3d v5.9.0 LoadbalancerGenerateConfig: API to the servers; 1024 + extra ports x servers connections. */
    @Test
    void theLoadBalancersConfigIsK3dsValuesYaml() {
        assertThat(ServerLoadBalancer.config(plan(2, 0), List.of(30080))).isEqualTo("""
                ports:
                  6443.tcp:
                  - k3d-lab-server-0
                  - k3d-lab-server-1
                  30080.tcp:
                  - k3d-lab-server-0
                  - k3d-lab-server-1
                settings:
                  workerConnections: 1026
                """);
    }

    @Test
    void aSingleServerHasNoInitFlagAndAgentsGetOnlyTheAgentCommand() {
        List<NodeSpec> nodes = NodeLayout.nodes(plan(1, 2), NETWORK);

        assertThat(nodes.get(0).cmd()).containsExactly("server", "--flannel-backend=none", "--disable=traefik",
                "--tls-san", "127.0.0.1");
        assertThat(nodes.get(0).labels()).doesNotContainKey("k3d.server.init")
                .containsEntry("k3d.cluster.network.id", "net-id")
                .containsEntry("k3d.cluster.network.iprange", "172.30.0.0/16");
        assertThat(nodes.subList(1, 3)).allSatisfy(agent -> {
            assertThat(agent.cmd()).containsExactly("agent");
            assertThat(agent.env()).containsExactly("K3S_TOKEN=tok", "K3S_URL=https://k3d-lab-server-0:6443",
                    "K3S_KUBECONFIG_OUTPUT=/output/kubeconfig.yaml");
        });
    }

    @Test
    void timeoutsAreWrittenAsTheyAreTyped() {
        assertThat(GoDurations.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
        assertThat(GoDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDurations.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(GoDurations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    }
}
