package com.sikifanso.agents.probe;

import static com.sikifanso.agents.probe.Destination.Expect.BLOCKED;
import static com.sikifanso.agents.probe.Destination.Expect.REACH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.core.ClusterName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's rows come from the CiliumNetworkPolicy the real Helm engine renders from the cluster's GitOps repo
 * (chart and values as Argo CD reads them), so a new allow rule is a new row: the probe cannot drift from the chart.
 */
class ProbePlanTest {
    private static final ClusterName LAB = ClusterName.of(TestHome.CLUSTER);

    @TempDir
    Path root;

    private TestHome home;

    @BeforeEach
    void cluster() {
        home = TestHome.withCluster(root);
    }

    private static AgentSpec allow(String... apps) {
        return new AgentSpec(null, null, null, null, null, List.of(apps), null, null);
    }

    private static AgentSpec egress(String... hosts) {
        return new AgentSpec(null, null, null, null, null, null, List.of(hosts), null);
    }

    private List<Destination> plan(String agent) {
        return home.services().agentProbe().plan(LAB, agent).destinations();
    }

    @Test
    void everyDestinationThePolicySpeaksAboutIsARowWithTheRuleThatDecidesIt() {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", allow("qdrant"));

        assertThat(plan("demo")).extracting(Destination::what, Destination::expected, Destination::rule).containsExactly(
                tuple("DNS: resolve kubernetes.default.svc.cluster.local", REACH,
                        "egress to the DNS pods in kube-system on 53/UDP, 53/TCP"),
                tuple("qdrant on its port 6333", REACH, "egress to rag/app.kubernetes.io/name=qdrant on 6333/TCP"),
                tuple("qdrant on another port 6334", BLOCKED, "default deny: only 6333/TCP is allowed"),
                tuple("Kubernetes API by service IP", BLOCKED, "egressDeny kube-apiserver"),
                tuple("Kubernetes API by the server node's address", BLOCKED, "egressDeny kube-apiserver"),
                tuple("a node port on the host", BLOCKED, "egressDeny host, remote-node"),
                tuple("another agent's pods", BLOCKED, "default deny (and the other sandbox admits only its own pods)"),
                tuple("the internet by IP 1.1.1.1", BLOCKED, "egressDeny world"),
                tuple("example.com (not on the list) on 443", BLOCKED, "default deny: only toFQDNs hosts are allowed"));
    }

    @Test
    void allowingAnotherAppAddsItsTwoRows() {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", allow("qdrant"));
        int before = plan("demo").size();

        home.services().agents().update(ClusterName.of(TestHome.CLUSTER), "demo", allow("qdrant", "postgresql"));

        List<Destination> after = plan("demo");
        assertThat(after).hasSize(before + 2);
        assertThat(after).filteredOn(d -> d.what().startsWith("postgresql"))
                .extracting(Destination::where, Destination::host, Destination::port, Destination::expected)
                .containsExactly(tuple(Destination.Where.PODS, "storage", 5432, REACH),
                        tuple(Destination.Where.PODS, "storage", 5433, BLOCKED));
    }

    @Test
    void aServiceOnlyAnotherAgentMayReachMustNotConnectFromThisOne() {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", allow("qdrant"));
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "other", allow("qdrant", "valkey"));

        assertThat(plan("demo")).filteredOn(d -> d.what().contains("allowed to agent"))
                .extracting(Destination::what, Destination::port, Destination::expected)
                .containsExactly(tuple("storage/app.kubernetes.io/name=valkey (allowed to agent other only) on 6379",
                        6379, BLOCKED));
        assertThat(plan("other")).noneMatch(d -> d.what().contains("allowed to agent"));
    }

    @Test
    void allowedHostsMustConnectAndTheInternetStaysClosedByDefaultDenyWhenWorldCannotBeDenied() {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", egress("api.anthropic.com", "example.com:8443"));

        List<Destination> rows = plan("demo");
        assertThat(rows).filteredOn(d -> d.where() == Destination.Where.NAME && d.check() == Destination.Check.CONNECT)
                .extracting(Destination::host, Destination::port, Destination::expected, Destination::rule)
                .containsExactly(tuple("1.1.1.1", 443, BLOCKED, "default deny"),
                        tuple("api.anthropic.com", 443, REACH, "toFQDNs api.anthropic.com on 443/TCP"),
                        tuple("example.com", 8443, REACH, "toFQDNs example.com on 8443/TCP"),
                        tuple("example.org", 443, BLOCKED, "default deny: only toFQDNs hosts are allowed"));
    }

    @Test
    void aRuleAddedToTheChartInTheRepoIsARowWithoutAnyChangeToTheProbe() throws Exception {
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "demo", allow());
        Path template = home.clusterDir(TestHome.CLUSTER).resolve("gitops/charts/agent-sandbox/templates"
                + "/ciliumnetworkpolicy.yaml");
        String chart = Files.readString(template);
        Files.writeString(template, chart.replace("  ingress:\n", """
                    - toEndpoints:
                        - matchLabels:
                            k8s:io.kubernetes.pod.namespace: monitoring
                            app: grafana
                      toPorts:
                        - ports:
                            - port: "3000"
                              protocol: TCP
                  ingress:
                """));

        assertThat(plan("demo")).filteredOn(d -> d.host() != null && d.host().equals("monitoring"))
                .extracting(Destination::what, Destination::port, Destination::expected)
                .containsExactly(tuple("monitoring/app=grafana on its port 3000", 3000, REACH),
                        tuple("monitoring/app=grafana on another port 3001", 3001, BLOCKED));
    }
}
