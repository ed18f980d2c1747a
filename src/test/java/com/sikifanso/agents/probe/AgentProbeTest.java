package com.sikifanso.agents.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.probe.FakeKubelet.Behaviour;
import com.sikifanso.agents.probe.ProbeScript.Observed;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe against the fabric8 mock API server in CRUD mode (no kube-apiserver, kubelet or Cilium can run here):
 * the pod it creates is checked as Pod Security {@code restricted} and the quota would see it, its log (served by
 * {@link FakeKubelet} from the pod's own script) is parsed into the table, and the pod is gone afterwards whatever
 * happened. Only a real k3s with Cilium can show the datapath itself; {@code ProbeScriptBusyboxTest} runs the script
 * in real busybox.
 */
@EnableKubernetesMockClient(crud = true)
class AgentProbeTest {
    private static final ClusterName LAB = ClusterName.of(TestHome.CLUSTER);
    private static final AgentProbe.Options OPTIONS = new AgentProbe.Options(null, Duration.ofSeconds(20));

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    private TestHome home;
    private AgentProbe probe;

    @BeforeEach
    void demoAndOther() {
        home = TestHome.withCluster(root);
        AgentService agents = home.services().agents();
        agents.create(ClusterName.of(TestHome.CLUSTER), "demo", new AgentSpec(null, null, null, null, null, List.of("qdrant"),
                List.of("api.anthropic.com"), null));
        agents.create(ClusterName.of(TestHome.CLUSTER), "other", new AgentSpec(null, null, null, null, null,
                List.of("qdrant", "valkey"), null, null));
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
        SikifansoHome sikifansoHome = new SikifansoHome(root);
        var sessions = home.services().sessions();
        ClusterRepos repos = new ClusterRepos(sessions, new ClusterLocks(sikifansoHome, Duration.ofSeconds(5),
                msg -> { }), Reconciler.NONE);
        probe = new AgentProbe(repos, agents, new LiveCluster(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()),
                Clock.systemUTC(), Duration.ofMillis(50));
        ProbeLab.seed(client);
    }

    private FakeKubelet kubelet(java.util.function.Function<String, String> network, Behaviour behaviour) {
        return new FakeKubelet(server, client, "agent-demo", network, behaviour);
    }

    private List<Pod> probePods() {
        return client.pods().inNamespace("agent-demo").withLabel(ProbePod.LABEL, "true").list().getItems();
    }

    @Test
    void anEnforcedPolicyPassesEveryRowAndThePodIsGoneAfterwards() {
        ProbeLab.policyApplied(client, ProbeLab.policy(probe.plan(LAB, "demo").policy()));
        ProbeLab.cilium(client, 1, 1);
        ProbeReport report;
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.FINISH)) {
            report = probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
            assertThat(kubelet.created()).hasSize(1);
        }

        assertThat(report.passed()).isTrue();
        assertThat(report.mismatches()).isZero();
        assertThat(report.table().skipped()).isZero();
        assertThat(report.table().causes()).isEmpty();
        assertThat(report.rows()).extracting(ProbeReport.Row::destination, ProbeReport.Row::address,
                        ProbeReport.Row::observed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DNS: resolve kubernetes.default.svc.cluster.local",
                                "kubernetes.default.svc.cluster.local", Observed.resolved),
                        org.assertj.core.groups.Tuple.tuple("qdrant on its port 6333", ProbeLab.QDRANT_IP + ":6333",
                                Observed.connected),
                        org.assertj.core.groups.Tuple.tuple("qdrant on another port 6334", ProbeLab.QDRANT_IP + ":6334",
                                Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple(
                                "storage/app.kubernetes.io/name=valkey (allowed to agent other only) on 6379",
                                ProbeLab.VALKEY_IP + ":6379", Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("Kubernetes API by service IP",
                                ProbeLab.API_SERVICE_IP + ":443", Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("Kubernetes API by the server node's address",
                                ProbeLab.SERVER_IP + ":6443", Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("a node port on the host",
                                ProbeLab.SERVER_IP + ":" + ProbeLab.NODE_PORT, Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("another agent's pods", ProbeLab.OTHER_AGENT_IP + ":8080",
                                Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("the internet by IP 1.1.1.1", "1.1.1.1:443",
                                Observed.no_answer),
                        org.assertj.core.groups.Tuple.tuple("api.anthropic.com on 443", "api.anthropic.com:443",
                                Observed.connected),
                        org.assertj.core.groups.Tuple.tuple("example.com (not on the list) on 443", "example.com:443",
                                Observed.no_answer));
        assertThat(probePods()).as("the probe pod is deleted").isEmpty();
    }

    @Test
    void theProbeCreatesOnlyItsPodAndNeverWidensThePolicy() {
        var rendered = ProbeLab.policy(probe.plan(LAB, "demo").policy());
        ProbeLab.policyApplied(client, rendered);
        ProbeLab.cilium(client, 1, 1);
        int before = server.getRequestCount();
        List<String> writes = new java.util.ArrayList<>();
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.FINISH)) {
            probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
        }
        int after = server.getRequestCount();
        for (int i = 0; i < after; i++) {
            try {
                var r = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
                if (i >= before && r != null && !r.getMethod().equals("GET")) {
                    writes.add(r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""));
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        assertThat(writes).contains("POST /api/v1/namespaces/agent-demo/pods");
        assertThat(writes).as("writes other than the probe pod's create and delete (and the fake kubelet's status)")
                .allMatch(w -> w.matches("(POST|DELETE|PATCH|PUT) /api/v1/namespaces/agent-demo/pods(/sikifanso-probe-"
                        + "[a-z0-9]{5}(/status)?)?"));
        assertThat(client.genericKubernetesResources(ProbeDiagnosis.CILIUM_NETWORK_POLICY).inAnyNamespace().list()
                .getItems()).singleElement().satisfies(p -> assertThat(p.getAdditionalProperties().get("spec"))
                .isEqualTo(rendered.getAdditionalProperties().get("spec")));
        assertThat(client.network().networkPolicies().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void thePodPassesPodSecurityRestrictedAndStaysWithinTheQuota() {
        // Changed while the cluster counts as stopped, so no refresh goes to a real API server.
        RunningLab.setState(home, ClusterState.STOPPED, "http://127.0.0.1:1", "pw");
        home.services().agents().update(ClusterName.of(TestHome.CLUSTER), "demo", new AgentSpec("5m", "50m", "8Mi", "64Mi", null,
                null, null, null));
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
        AtomicReference<Pod> created = new AtomicReference<>();
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.FINISH)) {
            probe.probe(LAB, "demo", new AgentProbe.Options("registry.local:5000/busybox:1.36", Duration.ofSeconds(20)),
                    Progress.NONE);
            created.set(kubelet.created().getFirst());
        }

        Pod pod = created.get();
        var spec = pod.getSpec();
        assertThat(spec.getRestartPolicy()).isEqualTo("Never");
        assertThat(spec.getAutomountServiceAccountToken()).isFalse();
        assertThat(spec.getActiveDeadlineSeconds()).as("stops itself should the CLI die").isEqualTo(20L);
        assertThat(spec.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container c = spec.getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("registry.local:5000/busybox:1.36");
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getPorts()).isNullOrEmpty();
        assertThat(c.getResources().getRequests()).containsEntry("cpu", new io.fabric8.kubernetes.api.model.Quantity(
                "5m")).containsEntry("memory", new io.fabric8.kubernetes.api.model.Quantity("8Mi"));
        assertThat(c.getResources().getLimits()).containsEntry("cpu", new io.fabric8.kubernetes.api.model.Quantity(
                "50m")).containsEntry("memory", new io.fabric8.kubernetes.api.model.Quantity("32Mi"));
    }

    @Test
    void aLeakIsAMismatchWithTheCauseTheApiShows() {
        ProbeLab.cilium(client, 0, 1);
        ProbeReport report;
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of(ProbeLab.API_SERVICE_IP + ":443",
                "1.1.1.1:443")), Behaviour.FINISH)) {
            report = probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
        }

        assertThat(report.passed()).isFalse();
        assertThat(report.mismatches()).isEqualTo(2);
        assertThat(report.rows()).filteredOn(r -> !r.matches()).extracting(ProbeReport.Row::destination)
                .containsExactly("Kubernetes API by service IP", "the internet by IP 1.1.1.1");
        assertThat(report.table().causes()).extracting(com.sikifanso.core.Hint::cli).containsExactly(
                "the CiliumNetworkPolicy agent-isolation is not in agent-demo: Argo CD has not applied the sandbox yet "
                        + "(sikifanso app status demo)",
                "Cilium is not ready on every node (0 of 1 agents ready): sikifanso cluster doctor");
        // agent_probe's structuredContent and text for a model name the tools.
        com.sikifanso.mcp.ToolHints model = new com.sikifanso.mcp.ToolHints(new com.sikifanso.ops.OperationRegistry().all());
        assertThat(com.sikifanso.core.Mappers.JSON.valueToTree(com.sikifanso.ops.StructuredResults.of(report, model))
                .at("/table/causes").toString()).contains("(app_status with name: \\\"demo\\\")",
                        "agents ready): doctor\"").doesNotContain("sikifanso");
        assertThat(ProbeText.render(report, model.style())).contains("cause: Cilium is not ready on every node (0 of 1"
                + " agents ready): doctor\n");
        assertThat(ProbeText.render(report, com.sikifanso.core.TextStyle.PLAIN))
                .contains("MISMATCH", "agent demo: 2 destination(s) differ from its policy", "cause: Cilium is not ready");
        assertThat(probePods()).isEmpty();
    }

    @Test
    void aRefusedConnectionOnTheOtherPortMeansThePacketGotThrough() {
        ProbeReport report;
        try (FakeKubelet kubelet = kubelet(t -> t.equals(ProbeLab.QDRANT_IP + ":6334")
                ? "rc=1 nc: can't connect to remote host (" + ProbeLab.QDRANT_IP + "): Connection refused"
                : ProbeLab.enforcing(Set.of()).apply(t), Behaviour.FINISH)) {
            report = probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
        }

        assertThat(report.rows()).filteredOn(r -> !r.matches()).singleElement().satisfies(r -> {
            assertThat(r.destination()).isEqualTo("qdrant on another port 6334");
            assertThat(r.observed()).isEqualTo(Observed.refused);
        });
    }

    @Test
    void aProbeThatDoesNotFinishInTimeFailsAsATimeoutAndItsPodIsRemoved() {
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.HANG)) {
            assertThatThrownBy(() -> probe.probe(LAB, "demo", new AgentProbe.Options(null, Duration.ofMillis(500)),
                    Progress.NONE)).isInstanceOfSatisfying(SikifansoException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not finish in time", "it was removed");
                        assertThat(e.hint()).contains("--timeout");
                    });
            assertThat(kubelet.created()).hasSize(1);
        }
        assertThat(probePods()).isEmpty();
    }

    @Test
    void anImageThatCannotBePulledIsNamedAndThePodRemoved() {
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.IMAGE_PULL_FAILS)) {
            assertThatThrownBy(() -> probe.probe(LAB, "demo", OPTIONS, Progress.NONE))
                    .isInstanceOfSatisfying(SikifansoException.class, e -> {
                        assertThat(e.getMessage()).contains("cannot start", "ImagePullBackOff", "busybox:1.36");
                        assertThat(e.hint()).contains("--image");
                    });
        }
        assertThat(probePods()).isEmpty();
    }

    @Test
    void anInterruptedProbe_asCtrlCOrACancelledToolCall_removesItsPod() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.HANG)) {
            Thread run = new Thread(() -> {
                try {
                    probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            run.start();
            while (kubelet.created().isEmpty() && run.isAlive()) {
                Thread.sleep(20);
            }
            run.interrupt();
            run.join(10_000);
        }
        assertThat(thrown.get()).hasMessageContaining("interrupted");
        assertThat(probePods()).isEmpty();
    }

    @Test
    void aSkippedRowSaysWhyAndIsNoMismatch() {
        client.pods().inNamespace("storage").withName("valkey-0").delete();
        ProbeReport report;
        try (FakeKubelet kubelet = kubelet(ProbeLab.enforcing(Set.of()), Behaviour.FINISH)) {
            report = probe.probe(LAB, "demo", OPTIONS, Progress.NONE);
        }
        assertThat(report.passed()).isTrue();
        assertThat(report.table().skipped()).isEqualTo(1);
        assertThat(report.rows()).filteredOn(r -> r.observed() == Observed.skipped).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("no running pod in storage"));
    }

    /** Doctor with --probe-agents: demo leaks to 1.1.1.1 and its policy is not applied; other is as it says. */
    private com.sikifanso.doctor.DoctorReport doctorProbingAgents() {
        ProbeLab.cilium(client, 1, 1);
        try (FakeKubelet demo = kubelet(ProbeLab.enforcing(Set.of("1.1.1.1:443")), Behaviour.FINISH);
             FakeKubelet other = new FakeKubelet(server, client, "agent-other",
                     ProbeLab.enforcing(Set.of(ProbeLab.VALKEY_IP + ":6379")), Behaviour.FINISH)) {
            return new com.sikifanso.doctor.AgentIsolationChecks(home.services().agents(), probe).addTo(
                    com.sikifanso.doctor.DoctorReport.of(List.of(com.sikifanso.doctor.CheckResult.pass("Docker", "ok"))),
                    LAB, OPTIONS, Progress.NONE);
        }
    }

    @Test
    void doctorWithProbeAgentsAddsARowPerAgentNamingTheMismatchAndItsCause() {
        com.sikifanso.doctor.DoctorReport report = doctorProbingAgents();

        assertThat(report.checks()).extracting(com.sikifanso.doctor.CheckResult::name)
                .containsExactly("Docker", "Agent demo isolation", "Agent other isolation");
        com.sikifanso.doctor.CheckResult demo = report.checks().get(1);
        assertThat(demo.failed()).isTrue();
        assertThat(demo.cause().cli()).contains("the internet by IP 1.1.1.1 expected blocked, observed connected",
                "Cause: the CiliumNetworkPolicy agent-isolation is not in agent-demo");
        assertThat(demo.fix().cli()).isEqualTo("see the table: sikifanso agent probe demo");
        assertThat(report.checks().get(2).status()).isEqualTo(com.sikifanso.doctor.Verdict.PASS);
        assertThat(report.checks().get(2).message()).contains("as its policy says");
    }

    @Test
    void theDoctorToolsResultNamesToolsInTheIsolationRowsCauseWhereTheCliNamesCommands() {
        com.sikifanso.doctor.DoctorReport report = doctorProbingAgents();
        String cliCause = "Cause: the CiliumNetworkPolicy agent-isolation is not in agent-demo: Argo CD has not applied "
                + "the sandbox yet (sikifanso app status demo)";

        // What the doctor tool returns over MCP: structuredContent and text through the offered tools' words.
        com.sikifanso.mcp.ToolHints tools = new com.sikifanso.mcp.ToolHints(new com.sikifanso.ops.OperationRegistry().all());
        java.util.Map<String, Object> structured = com.sikifanso.ops.StructuredResults.of(report, tools);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> demo = ((List<java.util.Map<String, Object>>) structured.get("checks")).get(1);
        assertThat((String) demo.get("cause")).contains("the internet by IP 1.1.1.1 expected blocked, observed connected",
                "Argo CD has not applied the sandbox yet (app_status with name: \"demo\")").doesNotContain("sikifanso");
        assertThat(demo.get("fix")).isEqualTo("see the table: agent_probe with name: \"demo\"");
        assertThat(com.sikifanso.doctor.DoctorText.render(report, tools.style()))
                .contains("cause: ").contains("(app_status with name: \"demo\")").doesNotContain("sikifanso app status");

        // The CLI's table and -o json read as before.
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> cliDemo = ((List<java.util.Map<String, Object>>) com.sikifanso.ops.StructuredResults
                .of(report).get("checks")).get(1);
        assertThat((String) cliDemo.get("cause")).contains(cliCause);
        assertThat(com.sikifanso.doctor.DoctorText.render(report, com.sikifanso.core.TextStyle.PLAIN)).contains(cliCause);
    }

    @Test
    void badInputIsRefusedBeforeAnyPodExists() {
        assertThatThrownBy(() -> probe.probe(LAB, "demo", new AgentProbe.Options("bad image", null), Progress.NONE))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.USAGE);
                    assertThat(e.getMessage()).contains("--image \"bad image\" is not an image reference");
                });
        assertThatThrownBy(() -> probe.probe(LAB, "nobody", OPTIONS, Progress.NONE))
                .hasMessageContaining("no agent named \"nobody\"");
        assertThat(probePods()).isEmpty();
    }
}
