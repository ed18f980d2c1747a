package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.cluster.ApiServerWait;
import com.sikifanso.cluster.ClusterBootstrap;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.session.Session;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap against fabric8's mock API server in CRUD mode (no kube-apiserver or k3s can run
 * here), with Helm recorded rather than run (charts need the network). The mock answers
 * server-side apply with 415, so the three ApplicationSet PATCHes are answered by expectations,
 * which the mixed dispatcher consults before its CRUD store.
 */
@EnableKubernetesMockClient(crud = true)
class PlatformBootstrapTest {
    static final String KUBECONFIG = "apiVersion: v1\nkind: Config\ncurrent-context: k3d-lab\n";
    static final Session.Ports PORTS = new Session.Ports(6550, 8081, 8444, 30090, 30091);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path repo;

    private final List<String> progress = new ArrayList<>();
    private final InfraConfig infra = TestInfra.withNodePorts(30082, 30083, 30080, 30081);
    private RecordingCharts charts;

    @BeforeEach
    void clusterWithOneRegisteredNode() {
        TestInfra.repoWithRootSets(repo);
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3d-lab-server-0").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("False").endCondition().endStatus()
                .build()).create();
        charts = new RecordingCharts()
                .on("cilium", call -> client.nodes().withName("k3d-lab-server-0").editStatus(n -> {
                    n.getStatus().getConditions().get(0).setStatus("True");
                    return n;
                }))
                .on("argocd", call -> {
                    for (String name : PlatformBootstrap.ARGOCD_DEPLOYMENTS) {
                        deployment(name, true);
                    }
                    client.secrets().inNamespace("argocd").resource(new SecretBuilder().withNewMetadata()
                            .withName("argocd-initial-admin-secret").endMetadata().addToData("password",
                                    Base64.getEncoder().encodeToString("s3cret-pw".getBytes(StandardCharsets.UTF_8)))
                            .build()).create();
                });
        for (String name : List.of("root", "catalog", "agents")) {
            server.expect().patch().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/" + name
                    + "?fieldManager=sikifanso&force=true").andReturn(200, TestInfra.map("apiVersion",
                    "argoproj.io/v1alpha1", "kind", "ApplicationSet", "metadata", TestInfra.map("name", name,
                            "namespace", "argocd"))).once();
        }
    }

    private void deployment(String name, boolean available) {
        client.apps().deployments().inNamespace("argocd").resource(new DeploymentBuilder().withNewMetadata()
                .withName(name).endMetadata().withNewSpec().withReplicas(1).endSpec().withNewStatus()
                .withAvailableReplicas(available ? 1 : 0).addNewCondition().withType("Available")
                .withStatus(available ? "True" : "False").endCondition().endStatus().build()).create();
    }

    private Function<ClusterBootstrap.Target, KubernetesClient> clients() {
        return target -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    }

    private PlatformBootstrap bootstrap(Function<ClusterBootstrap.Target, KubernetesClient> clients,
                                        Duration each) {
        return new PlatformBootstrap(new ApiServerWait(Clock.systemUTC()), charts, clients, new ClusterWaits(Clock.systemUTC(), Duration.ofMillis(50)),
                new PlatformBootstrap.Timeouts(each, each, each, each, each), Clock.systemUTC());
    }

    private ClusterBootstrap.Target target(Duration timeout) {
        return target(client.getMasterUrl().toString().replaceAll("/$", ""), timeout);
    }

    private ClusterBootstrap.Target target(String apiUrl, Duration timeout) {
        return new ClusterBootstrap.Target("lab", KUBECONFIG, apiUrl, "172.28.0.2", PORTS, infra, repo,
                Instant.now().plus(timeout), timeout);
    }

    private GenericKubernetesResource application(String name) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(name)
                .get();
    }

    private List<RecordedRequest> patches() throws InterruptedException {
        List<RecordedRequest> found = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest();
            if (r.getMethod().equals("PATCH") && r.getPath().contains("/applicationsets/")) {
                found.add(r);
            }
        }
        return found;
    }

    @Test
    void aFreshClusterGetsCiliumArgoCdTheirApplicationsAndTheRootApplicationSets() throws Exception {
        // What Argo CD would hold after the apply (the expectations above do not store it), for the refresh.
        client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd")
                .resource(KubeObjects.generic(client, TestInfra.map("apiVersion", "argoproj.io/v1alpha1", "kind",
                        "ApplicationSet", "metadata", TestInfra.map("name", "catalog", "namespace", "argocd"))))
                .create();
        Optional<Session.Services> services = bootstrap(clients(), Duration.ofSeconds(5))
                .bootstrap(target(Duration.ofSeconds(5)), com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(charts.calls).extracting(c -> c.action() + " " + c.chart().chart() + " " + c.version())
                .containsExactly("install cilium 1.19.6", "install argo-cd 10.2.1");
        assertThat(charts.calls).allSatisfy(c -> assertThat(c.kubeconfig()).as("the cluster's own kubeconfig")
                .isEqualTo(KUBECONFIG));
        assertThat(charts.calls.get(0).values().path("k8sServiceHost").asText()).isEqualTo("172.28.0.2");
        assertThat(services).contains(new Session.Services(
                new Session.ArgoCd("http://127.0.0.1:30090", "admin", "s3cret-pw", "10.2.1"),
                new Session.Hubble("http://127.0.0.1:30091")));

        GenericKubernetesResource cilium = application("cilium");
        assertThat(cilium).isNotNull();
        assertThat(cilium.get("spec", "source", "targetRevision").toString()).isEqualTo("1.19.6");
        assertThat(cilium.get("spec", "syncPolicy", "syncOptions").toString())
                .contains("RespectIgnoreDifferences=true");
        assertThat(cilium.get("spec", "ignoreDifferences").toString()).contains("hubble-server-certs");
        assertThat((Object) application("argocd").get("spec", "ignoreDifferences")).isNull();
        assertThat(cilium.get("spec", "source", "helm", "valuesObject", "k8sServiceHost").toString())
                .isEqualTo("172.28.0.2");
        assertThat(application("argocd").get("spec", "destination", "namespace").toString()).isEqualTo("argocd");

        assertThat(patches()).extracting(RecordedRequest::getPath).containsExactly(
                "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/root?fieldManager=sikifanso&force=true",
                "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/catalog?fieldManager=sikifanso&force=true",
                "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/agents?fieldManager=sikifanso&force=true",
                "/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/catalog");
        assertThat(client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd")
                .withName("catalog").get().getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/application-set-refresh", "true");
        assertThat(progress).contains("created the Argo CD Application cilium", "created the Argo CD Application argocd",
                "applied the ApplicationSets root, catalog, agents (server-side, field manager sikifanso)",
                "asked the ApplicationSet catalog to refresh");
        assertThat(String.join("\n", progress)).doesNotContain("s3cret-pw");
    }

    @Test
    void theStepsRunInOrderEachWithProgress() {
        bootstrap(clients(), Duration.ofSeconds(5)).bootstrap(target(Duration.ofSeconds(5)), com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(progress).filteredOn(p -> !p.startsWith("still waiting") && !p.startsWith("warning"))
                .extracting(p -> p.replaceAll(" at https?://\\S+", " at URL"))
                .containsExactly(
                        "waiting for the API server at URL",
                        "the API server answered (HTTP 200)",
                        "waiting for the first node to register",
                        "installing Cilium 1.19.6 with Helm (API server 172.28.0.2:6443; up to 5s)",
                        "waiting for the nodes to be Ready",
                        "installing Argo CD (chart argo-cd 10.2.1) with Helm (up to 5s)",
                        "waiting for argocd-server, argocd-repo-server, argocd-applicationset-controller in argocd to be"
                                + " available",
                        "created the Argo CD Application cilium",
                        "created the Argo CD Application argocd",
                        "applied the ApplicationSets root, catalog, agents (server-side, field manager sikifanso)");
    }

    @Test
    void existingApplicationsAreUpdatedNotDuplicated() {
        bootstrap(clients(), Duration.ofSeconds(5)).bootstrap(target(Duration.ofSeconds(5)), com.sikifanso.agui.RunProgress.toLines(progress::add));
        InfraApplication newer = InfraApplication.of(infra.cilium(), "1.19.7", HelmValues.cilium(infra, "172.28.0.9"));

        boolean created = InfraApplications.put(client, newer);

        assertThat(created).isFalse();
        assertThat(application("cilium").get("spec", "source", "targetRevision").toString()).isEqualTo("1.19.7");
        assertThat(application("cilium").get("spec", "source", "helm", "valuesObject", "k8sServiceHost").toString())
                .isEqualTo("172.28.0.9");
        assertThat(client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").list()
                .getItems()).hasSize(2);
    }

    @Test
    void theClientUsesTheClustersOwnContextNotTheCurrentOne() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - {name: k3d-lab, cluster: {server: 'https://127.0.0.1:6550'}}
                - {name: other, cluster: {server: 'https://10.9.9.9:443'}}
                contexts:
                - {name: k3d-lab, context: {cluster: k3d-lab, user: admin@k3d-lab}}
                - {name: other, context: {cluster: other, user: other}}
                users:
                - {name: admin@k3d-lab, user: {token: lab}}
                - {name: other, user: {token: other}}
                """;
        ClusterBootstrap.Target target = new ClusterBootstrap.Target("lab", kubeconfig, "https://127.0.0.1:6550",
                "172.28.0.2", PORTS, infra, repo, Instant.now(), Duration.ofSeconds(1));

        try (KubernetesClient kube = PlatformBootstrap.client(target)) {
            assertThat(kube.getMasterUrl().toString()).startsWith("https://127.0.0.1:6550");
            assertThat(kube.getConfiguration().getCurrentContext().getName()).isEqualTo("k3d-lab");
        }
    }

    @Test
    void anApiServerThatNeverAnswersTimesOutWithAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        assertThatThrownBy(() -> bootstrap(clients(), Duration.ofSeconds(5))
                .bootstrap(target("https://127.0.0.1:" + closedPort, Duration.ofSeconds(1)), com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                    assertThat(e.getMessage()).startsWith("the API server did not answer within 1s on"
                            + " https://127.0.0.1:" + closedPort + " (last error: ");
                    assertThat(e.hint()).contains("--timeout");
                });
        assertThat(charts.calls).as("nothing is installed before the API server answers").isEmpty();
    }

    @Test
    void aClusterWhoseNodeNeverRegistersTimesOutSayingSo() {
        client.nodes().withName("k3d-lab-server-0").delete();

        assertThatThrownBy(() -> bootstrap(clients(), Duration.ofSeconds(5)).bootstrap(target(Duration.ofSeconds(1)),
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOf(SikifansoException.class).hasMessage("no node registered within 1s (the API"
                + " server answers but no node has registered yet)");
    }

    @Test
    void argoCdThatNeverBecomesAvailableTimesOutNamingTheDeployment() {
        charts.on("argocd", call -> {
            deployment("argocd-server", true);
            deployment("argocd-repo-server", false);
        });

        assertThatThrownBy(() -> bootstrap(clients(), Duration.ofSeconds(1)).bootstrap(target(Duration.ofSeconds(5)),
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("Argo CD did not become available within 1s (Deployment"
                            + " argocd/argocd-repo-server is not available (0/1 replicas); Deployment"
                            + " argocd/argocd-applicationset-controller does not exist)");
                    assertThat(e.hint()).startsWith("look at its pods: kubectl -n argocd get pods");
                });
        assertThat(application("cilium")).as("no Applications before Argo CD runs").isNull();
    }

    @Test
    void nodesThatNeverBecomeReadyStopTheBootstrapBeforeArgoCd() {
        charts.on("cilium", call -> { });

        assertThatThrownBy(() -> bootstrap(clients(), Duration.ofSeconds(1)).bootstrap(target(Duration.ofSeconds(5)),
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOf(SikifansoException.class).hasMessage("the nodes did not become Ready"
                + " within 1s (0/1 nodes Ready; not Ready: k3d-lab-server-0)");
        assertThat(charts.calls).extracting(c -> c.chart().chart()).containsExactly("cilium");
    }

    @Test
    void aMissingAdminSecretIsAWarningAndNoPasswordIsSaved() {
        charts.on("argocd", call -> PlatformBootstrap.ARGOCD_DEPLOYMENTS.forEach(n -> deployment(n, true)));

        Optional<Session.Services> services = bootstrap(clients(), Duration.ofSeconds(1))
                .bootstrap(target(Duration.ofSeconds(5)), com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(services.orElseThrow().argocd().password()).isNull();
        assertThat(progress).anyMatch(p -> p.startsWith("warning: the Argo CD admin password was not found within 1s")
                && p.contains("kubectl -n argocd get secret argocd-initial-admin-secret"));
    }
}
