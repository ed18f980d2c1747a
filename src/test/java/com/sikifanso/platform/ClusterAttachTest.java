package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitServers;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.kube.Attachment;
import com.sikifanso.kube.Attachments;
import com.sikifanso.ops.AttachOps;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster attach} and {@code detach} against existing clusters in the shapes EKS, GKE and AKS report: their
 * nodes (labels, providerID, GPUs), storage classes and CNI DaemonSets. No real cloud cluster (and no kube-apiserver)
 * runs here: fabric8's mock API server in CRUD mode stands in for each, with expectations for the ApplicationSets'
 * server-side applies it cannot answer; Helm, which needs the network for the chart, is recorded (RecordingCharts);
 * the GitOps remote is a real git daemon on 127.0.0.1.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterAttachTest {
    static final ClusterName PROD = ClusterName.of("prod");
    static final String EKS = CloudClusters.EKS;
    static final String GKE = CloudClusters.GKE;
    static final String AKS = CloudClusters.AKS;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private GitServers.Daemon daemon;
    private Services services;
    private ClusterAttach attach;
    private RecordingCharts charts;
    private Path kubeconfig;
    private String remote;
    private CloudClusters cloud;

    @BeforeEach
    void aPreparedClusterPublishedToAGitDaemon() throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        GitServers.bare(servers.resolve("prod.git"));
        daemon = new GitServers.Daemon(servers);
        remote = daemon.url("prod.git");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        SikifansoHome home = new SikifansoHome(tmp.resolve("home"));
        services = new Services(BuildInfo.load(), home, Duration.ofSeconds(5), lines::add, env);
        services.clusters().prepare(PROD, new TemplateSource.Embedded(), null);
        services.remotes().setRemote(PROD, remote);
        kubeconfig = Files.createDirectories(tmp.resolve("kube")).resolve("config");
        cloud = new CloudClusters(client);
        Files.writeString(kubeconfig, CloudClusters.kubeconfigWith(client.getMasterUrl().toString(), EKS, GKE, AKS));
        charts = new RecordingCharts().on("argocd", call -> cloud.argoCdRuns());
        ClusterRepos repos = new ClusterRepos(services.sessions(), new ClusterLocks(home, Duration.ofSeconds(5),
                lines::add), Reconciler.NONE, lines::add, false, env);
        attach = new ClusterAttach(services.sessions(), new Attachments(home), repos, charts,
                new ClusterWaits(Clock.systemUTC(), Duration.ofMillis(50)), env, Clock.systemUTC(),
                Duration.ofSeconds(5));
        for (String name : List.of("root", "catalog", "agents")) {
            server.expect().patch().withPath(ArgoCdRequests.SETS + name + "?fieldManager=sikifanso&force=true").andReturn(200,
                    TestInfra.map("apiVersion", "argoproj.io/v1alpha1", "kind", "ApplicationSet", "metadata",
                            TestInfra.map("name", name, "namespace", "argocd"))).always();
        }
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    private ClusterAttach.Attached attachTo(String context, boolean useExisting) {
        return attach.attach(new ClusterAttach.Request(PROD, kubeconfig, context, useExisting),
                com.sikifanso.agui.RunProgress.toLines(lines::add));
    }

    private Map<String, String> repositorySecret() {
        return ArgoCdRequests.repositorySecret(client);
    }

    private List<JsonNode> appliedSets() throws Exception {
        return ArgoCdRequests.appliedSets(server);
    }

    private GitCli repo() {
        return new GitCli(tmp.resolve("home/clusters/prod/gitops"));
    }

    private String remoteHead() throws Exception {
        return GitServers.run(List.of("git", "-C", tmp.resolve("servers/prod.git").toString(), "rev-parse",
                "refs/heads/main"), null).strip();
    }

    @Test
    void eksGetsArgoCdAndTheRootSetsReadingTheRemote_sandboxesPlainNetworkPolicy_andDetachRemovesExactlyThat()
            throws Exception {
        cloud.eks();
        client.secrets().inNamespace("kube-system").resource(new SecretBuilder().withNewMetadata()
                .withName("theirs").endMetadata().build()).create();

        ClusterAttach.Attached attached = attachTo(EKS, false);

        assertThat(attached.facts()).satisfies(f -> {
            assertThat(f.provider()).isEqualTo("eks");
            assertThat(f.cni()).isEqualTo("aws-node");
            assertThat(f.ciliumPolicies()).isFalse();
            assertThat(f.defaultStorageClass()).isEqualTo("gp2");
            assertThat(f.architectures()).containsExactly("amd64");
            assertThat(f.nodes()).isEqualTo(2);
            assertThat(f.gpus()).isZero();
        });
        assertThat(charts.calls).hasSize(1);
        RecordingCharts.Call install = charts.calls.get(0);
        assertThat(install.action() + " " + install.chart().chart() + " " + install.version())
                .isEqualTo("install argo-cd 10.2.1");
        assertThat(Mappers.YAML.readTree(install.kubeconfig()).path("current-context").asText())
                .as("Helm works on the attached context, not the file's current one").isEqualTo(EKS);
        assertThat(install.values().toString()).as("no k3d host mount or NodePort on a cloud cluster")
                .doesNotContain("/local-gitops").doesNotContain("NodePort").contains("--enable-progressive-syncs");
        assertThat(install.values().at("/crds/keep").asBoolean(true)).as("detach takes the CRDs it brought").isFalse();
        assertThat(repositorySecret()).containsEntry("url", remote).containsEntry("type", "git");
        assertThat(appliedSets()).hasSize(3).allSatisfy(set ->
                assertThat(set.at("/spec/generators/0/git/repoURL").asText()).isEqualTo(remote));
        assertThat(Files.readString(repo().dir().resolve("infra/platform.yaml"))).contains("cni: flannel");
        assertThat(remoteHead()).as("the sandboxes' setting is pushed before Argo CD reads it")
                .isEqualTo(repo().head());
        assertThat(attached.warnings()).anyMatch(w -> w.contains("plain NetworkPolicy"));
        assertThat(attached.installed()).containsExactly("Namespace argocd", "Argo CD (Helm release argocd/argocd)",
                "ApplicationSet argocd/root", "ApplicationSet argocd/catalog", "ApplicationSet argocd/agents",
                "Secret argocd/sikifanso-gitops");

        var session = services.sessions().load(ClusterName.of("prod"));
        assertThat(session.state()).isEqualTo(ClusterState.RUNNING);
        assertThat(session.services().argocd().password()).isEqualTo("adm1n-pw");
        Attachment recorded = new Attachments(new SikifansoHome(tmp.resolve("home"))).find(ClusterName.of("prod")).orElseThrow();
        assertThat(recorded.context()).isEqualTo(EKS);
        assertThat(recorded.kubeconfig()).isEqualTo(kubeconfig.toString());
        try (KubernetesClient throughSession = services.kubeClients().forCluster(ClusterName.of("prod"))) {
            assertThat(throughSession.getMasterUrl()).as("app, agent, doctor and snapshot reach it through the "
                    + "recorded context").isEqualTo(client.getMasterUrl());
            assertThat(throughSession.nodes().list().getItems()).hasSize(2);
        }

        services.agents().create(ClusterName.of("prod"), "scout", new com.sikifanso.agents.AgentSpec(null, null, null, null, null, null,
                null, null));
        assertThat(Files.readString(repo().dir().resolve("agents/values/scout.yaml"))).as("plain NetworkPolicy")
                .contains("cni: flannel");
        assertThat(remoteHead()).as("pushed for the attached Argo CD to read").isEqualTo(repo().head());
        com.sikifanso.doctor.DoctorReport report = services.doctor().examine(PROD,
                com.sikifanso.doctor.Doctor.Options.DEFAULTS);
        assertThat(report.checks()).extracting(com.sikifanso.doctor.CheckResult::name)
                .doesNotContain("Docker", "Node containers", "GitOps mount", "Pod DNS")
                .contains("Attached cluster", "Kubernetes API", "CNI", "Argo CD server");
        assertThat(report.checks()).filteredOn(c -> c.name().equals("Kubernetes API") || c.name().equals("CNI")
                || c.name().equals("Argo CD server") || c.name().equals("Attached cluster"))
                .allSatisfy(c -> assertThat(c.failed()).as(c.toString()).isFalse());

        assertThatThrownBy(() -> services.clusters().delete(PROD)).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("not sikifanso's to delete")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains("sikifanso cluster detach prod"));
        assertThat(services.sessions().exists(ClusterName.of("prod"))).isTrue();

        ClusterAttach.Detached detached = attach.detach(PROD, com.sikifanso.agui.RunProgress.toLines(lines::add));

        assertThat(detached.removed()).containsExactly("ApplicationSet argocd/root", "ApplicationSet argocd/catalog",
                "ApplicationSet argocd/agents", "Secret argocd/sikifanso-gitops", "Argo CD (Helm release argocd/argocd)",
                "Namespace argocd");
        assertThat(charts.calls.get(1).action()).isEqualTo("uninstall argocd/argocd");
        assertThat(repositorySecret()).isNull();
        assertThat(client.secrets().inNamespace("kube-system").withName("theirs").get()).as("not attach's").isNotNull();
        assertThat(client.apps().daemonSets().inNamespace("kube-system").withName("aws-node").get()).isNotNull();
        assertThat(services.sessions().load(ClusterName.of("prod")).state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(new Attachments(new SikifansoHome(tmp.resolve("home"))).find(ClusterName.of("prod"))).isEmpty();
    }

    @Test
    void gkeWithItsOwnArgoCdIsRefusedUnlessToldToUseIt_thenDetachLeavesThatArgoCd() throws Exception {
        cloud.gke();
        cloud.deployment("argocd", "argocd-server");
        String before = repo().head();

        assertThatThrownBy(() -> attachTo(GKE, false)).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("Argo CD is already installed in " + GKE)
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains("--use-existing-argocd"));
        assertThat(repo().head()).as("nothing committed").isEqualTo(before);
        assertThat(charts.calls).isEmpty();
        assertThat(repositorySecret()).isNull();
        assertThat(services.sessions().load(ClusterName.of("prod")).state()).isEqualTo(ClusterState.NOT_CREATED);

        ClusterAttach.Attached attached = attachTo(GKE, true);

        assertThat(attached.facts().provider()).isEqualTo("gke");
        assertThat(attached.facts().cni()).isEqualTo("calico");
        assertThat(attached.facts().architectures()).containsExactly("amd64", "arm64");
        assertThat(attached.facts().gpus()).isEqualTo(1);
        assertThat(attached.facts().defaultStorageClass()).isEqualTo("standard-rwo");
        assertThat(charts.calls).as("no Helm: the cluster's own Argo CD is used").isEmpty();
        assertThat(attached.installed()).containsExactly("ApplicationSet argocd/root", "ApplicationSet argocd/catalog",
                "ApplicationSet argocd/agents", "Secret argocd/sikifanso-gitops");

        ClusterAttach.Detached detached = attach.detach(PROD, com.sikifanso.agui.RunProgress.toLines(lines::add));

        assertThat(detached.removed()).doesNotContain("Argo CD (Helm release argocd/argocd)", "Namespace argocd");
        assertThat(charts.calls).isEmpty();
        assertThat(client.apps().deployments().inNamespace("argocd").withName("argocd-server").get()).isNotNull();
    }

    @Test
    void aksWithCiliumKeepsCiliumNetworkPolicyForSandboxes() throws Exception {
        cloud.aks();
        String before = repo().head();

        ClusterAttach.Attached attached = attachTo(AKS, false);

        assertThat(attached.facts().provider()).isEqualTo("aks");
        assertThat(attached.facts().cni()).isEqualTo("cilium");
        assertThat(attached.facts().cilium()).isTrue();
        assertThat(attached.facts().defaultStorageClass()).isEqualTo("managed-csi");
        assertThat(repo().head()).as("the repo's cni stays cilium").isEqualTo(before);
        assertThat(attached.warnings()).isEmpty();
        assertThat(charts.calls).extracting(RecordingCharts.Call::action).containsExactly("install");
    }

    @Test
    void noDefaultStorageClassIsWarnedAboutWithTheFix() {
        cloud.eks();
        client.storage().v1().storageClasses().withName("gp2").delete();
        cloud.storageClass("gp3", "ebs.csi.aws.com", false);

        ClusterAttach.Attached attached = attachTo(EKS, false);

        assertThat(attached.facts().defaultStorageClass()).isNull();
        assertThat(attached.warnings()).anyMatch(w -> w.contains("no default storage class (classes: gp3)")
                && w.contains("is-default-class=true"));
    }

    @Test
    void badInputsAreRefusedBeforeAnythingIsInstalled() throws Exception {
        cloud.eks();
        String before = repo().head();

        assertThatThrownBy(() -> attachTo("no-such-context", false)).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("has no context \"no-such-context\"")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains(EKS));
        assertThatThrownBy(() -> attach.attach(new ClusterAttach.Request(PROD, tmp.resolve("missing"), EKS, false),
                com.sikifanso.agui.RunProgress.toLines(lines::add))).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("cannot read the kubeconfig");
        assertThatThrownBy(() -> attachTo(EKS, true)).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("there is no Argo CD in " + EKS);
        assertThatThrownBy(() -> attach.detach(PROD, com.sikifanso.agui.RunProgress.toLines(lines::add)))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("is not attached");

        assertThat(repo().head()).isEqualTo(before);
        assertThat(charts.calls).isEmpty();
        assertThat(repositorySecret()).isNull();
        assertThat(services.sessions().load(ClusterName.of("prod")).state()).isEqualTo(ClusterState.NOT_CREATED);
    }

    @Test
    void attachRequiresARemoteAndAFreshNameLeavesNoRepoWhenItFails() throws Exception {
        GitServers.bare(tmp.resolve("servers/staging.git"));
        Invocations.Caller cli = Invocations.Caller.program(Surface.cli, lines::add);

        assertThatThrownBy(() -> services.invocations().invoke(AttachOps.ATTACH,
                new AttachOps.AttachInput("staging", EKS, kubeconfig, null, false), cli))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("has no repo yet")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains("--gitops-remote"));
        assertThatThrownBy(() -> services.invocations().invoke(AttachOps.ATTACH,
                new AttachOps.AttachInput("staging", "no-such-context", kubeconfig, daemon.url("staging.git"), false),
                cli)).isInstanceOf(SikifansoException.class).hasMessageContaining("has no context");
        assertThat(services.sessions().exists(ClusterName.of("staging"))).as("the repo made for it is gone").isFalse();

        services.remotes().setRemote(PROD, "file://" + tmp.resolve("servers/prod.git"));
        assertThatThrownBy(() -> attachTo(EKS, false)).isInstanceOf(SikifansoException.class)
                .hasMessageContaining("none a cluster can reach");
    }
}
