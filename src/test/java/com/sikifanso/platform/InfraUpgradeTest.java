package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster upgrade against the mock API server (CRUD) with Helm recorded; the kubeconfig is the cluster's own. */
@EnableKubernetesMockClient(crud = true)
class InfraUpgradeTest {
    static final String OWN_KUBECONFIG = "current-context: k3d-lab\n";

    KubernetesClient client;

    @TempDir
    Path tmp;

    private SessionStore sessions;
    private final RecordingCharts charts = new RecordingCharts();
    private final List<String> snapshots = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<String> kubeconfigAsked = new ArrayList<>();

    @BeforeEach
    void runningLabWithItsApplications() throws Exception {
        sessions = new SessionStore(new SikifansoHome(tmp.resolve("home")));
        Path gitops = Files.createDirectories(tmp.resolve("gitops"));
        sessions.save(new Session("lab", ClusterState.RUNNING, Instant.parse("2026-01-01T00:00:00Z"), "embedded", null,
                gitops.toString(), new Session.Services(new Session.ArgoCd("http://127.0.0.1:30080", "admin", "pw",
                "10.2.0"), new Session.Hubble("http://127.0.0.1:30081")), null, null));
        var infra = new InfraConfigs().defaults();
        InfraApplications.put(client, InfraApplication.of(infra.cilium(), "1.19.5",
                HelmValues.cilium(infra, "172.28.0.2")));
        InfraApplications.put(client, InfraApplication.of(infra.argocd(), "10.2.0", HelmValues.argocd(infra)));
    }

    private InfraUpgrade upgrade() {
        return new InfraUpgrade(sessions, new InfraConfigs(), charts, cluster -> {
            kubeconfigAsked.add(cluster.value());
            return OWN_KUBECONFIG;
        }, cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                cluster -> Optional.of("172.28.0.3"), (cluster, name) -> {
                    snapshots.add(name);
                    return name;
                }, Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Duration.ofMinutes(1));
    }

    private GenericKubernetesResource application(String name) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(name)
                .get();
    }

    @Test
    void ciliumIsUpgradedThroughTheClustersOwnContextAndItsApplicationFollows() {
        charts.deployed.put("cilium", "1.19.5");

        List<InfraUpgrade.Outcome> outcomes = upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.CILIUM), false,
                com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(outcomes).containsExactly(new InfraUpgrade.Outcome(InfraUpgrade.Component.CILIUM, "1.19.5",
                "1.19.6", "pre-upgrade-cilium-20260304-050607", null));
        assertThat(kubeconfigAsked).containsExactly("lab");
        assertThat(charts.calls).extracting(RecordingCharts.Call::action).containsExactly("list", "upgrade");
        assertThat(charts.calls).allSatisfy(c -> assertThat(c.kubeconfig()).isEqualTo(OWN_KUBECONFIG));
        RecordingCharts.Call upgrade = charts.calls.get(1);
        assertThat(upgrade.version()).isEqualTo("1.19.6");
        assertThat(upgrade.values().path("k8sServiceHost").asText()).as("the container IP, not 127.0.0.1")
                .isEqualTo("172.28.0.3");
        assertThat(application("cilium").get("spec", "source", "targetRevision").toString()).isEqualTo("1.19.6");
        assertThat(application("cilium").get("spec", "ignoreDifferences").toString())
                .as("an upgraded Application keeps ignoring Hubble's generated certificates")
                .contains("hubble-relay-client-certs");
        assertThat(application("cilium").get("spec", "source", "helm", "valuesObject", "k8sServiceHost").toString())
                .isEqualTo("172.28.0.3");
        assertThat(snapshots).containsExactly("pre-upgrade-cilium-20260304-050607");
    }

    @Test
    void argoCdUpgradeRecordsTheNewChartVersionInTheSession() {
        charts.deployed.put("argocd", "10.2.0");

        upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.ARGOCD), true, com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(snapshots).as("--skip-snapshot").isEmpty();
        assertThat(sessions.load(ClusterName.of("lab")).services().argocd().chartVersion()).isEqualTo("10.2.1");
        assertThat(sessions.load(ClusterName.of("lab")).services().argocd().password()).isEqualTo("pw");
        assertThat(application("argocd").get("spec", "source", "targetRevision").toString()).isEqualTo("10.2.1");
    }

    @Test
    void aNewerDeployedVersionIsNeverDowngraded() {
        charts.deployed.put("cilium", "1.20.0");

        List<InfraUpgrade.Outcome> outcomes = upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.CILIUM), false,
                com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(outcomes.get(0).skipped()).isEqualTo("deployed version 1.20.0 is newer than the target 1.19.6;"
                + " refusing to downgrade");
        assertThat(charts.calls).extracting(RecordingCharts.Call::action).containsExactly("list");
        assertThat(snapshots).isEmpty();
        assertThat(application("cilium").get("spec", "source", "targetRevision").toString()).isEqualTo("1.19.5");
    }

    @Test
    void theConfiguredVersionAlreadyDeployedIsSkipped() {
        charts.deployed.put("cilium", "1.19.6");
        charts.deployed.put("argocd", "10.2.1");

        List<InfraUpgrade.Outcome> outcomes = upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.CILIUM,
                InfraUpgrade.Component.ARGOCD), false, com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(outcomes).extracting(InfraUpgrade.Outcome::skipped).containsExactly("already at 1.19.6",
                "already at 10.2.1");
        assertThat(snapshots).isEmpty();
    }

    @Test
    void aFailedUpgradeSaysTheReleaseWasRolledBackAndNamesTheSnapshot() {
        charts.deployed.put("cilium", "1.19.5");
        charts.failing(SikifansoException.failure("upgrading cilium to 1.19.6 failed: timed out waiting for the"
                + " condition", null));

        assertThatThrownBy(() -> upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.CILIUM), false,
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("upgrading cilium to 1.19.6 failed: timed out waiting for the"
                            + " condition; the release stays at (or was rolled back to) 1.19.5");
                    assertThat(e.hint()).isEqualTo("the snapshot pre-upgrade-cilium-20260304-050607 holds the repo as"
                            + " it was: sikifanso snapshot restore pre-upgrade-cilium-20260304-050607");
                });
        assertThat(application("cilium").get("spec", "source", "targetRevision").toString()).isEqualTo("1.19.5");
    }

    @Test
    void aChartThatIsNotInstalledIsAnErrorNamingTheRelease() {
        assertThatThrownBy(() -> upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.ARGOCD), false,
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOf(SikifansoException.class).hasMessage("Argo CD is not installed in"
                + " cluster \"lab\" (no deployed Helm release argocd in argocd)");
    }

    @Test
    void aStoppedClusterIsRefused() {
        sessions.save(sessions.load(ClusterName.of("lab")).withState(ClusterState.STOPPED));

        assertThatThrownBy(() -> upgrade().upgrade(ClusterName.of("lab"), List.of(InfraUpgrade.Component.CILIUM), false,
                com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOf(SikifansoException.class).hasMessageStartingWith("cluster \"lab\" is"
                + " stopped; only a running cluster can be upgraded");
        assertThat(charts.calls).isEmpty();
    }

    /** lab attached to an existing cluster (context {@code eks-prod}); attach installed Argo CD when {@code ours}. */
    private InfraUpgrade attachedUpgrade(boolean ours) throws Exception {
        Path kubeconfig = tmp.resolve("eks-config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters: [{name: c, cluster: {server: 'https://eks.example'}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: other, context: {cluster: c, user: u}}, {name: eks-prod, context: {cluster: c, user: u}}]
                """);
        com.sikifanso.kube.Attachment attachment = new com.sikifanso.kube.Attachment(kubeconfig.toString(),
                "eks-prod", Instant.parse("2026-01-01T00:00:00Z"), new com.sikifanso.kube.ClusterFacts("eks",
                "aws-node", false, "gp2", List.of("gp2"), List.of("amd64"), 2, 0),
                new com.sikifanso.kube.Attachment.Installed("argocd", ours ? "argocd" : null,
                        List.of("root", "catalog", "agents"), "sikifanso-gitops", ours));
        return new InfraUpgrade(sessions, new InfraConfigs(), charts, cluster -> {
            kubeconfigAsked.add(cluster.value());
            return OWN_KUBECONFIG;
        }, cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                cluster -> Optional.empty(), (cluster, name) -> {
                    snapshots.add(name);
                    return name;
                }, Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Duration.ofMinutes(1),
                cluster -> Optional.of(attachment));
    }

    @Test
    void onAnAttachedClusterTheArgoCdAttachInstalledIsUpgradedThroughTheRecordedContext_ciliumIsNotOurs()
            throws Exception {
        charts.deployed.put("argocd", "10.2.0");

        List<InfraUpgrade.Outcome> outcomes = attachedUpgrade(true).upgrade(ClusterName.of("lab"),
                List.of(InfraUpgrade.Component.CILIUM, InfraUpgrade.Component.ARGOCD), true,
                com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(outcomes).containsExactly(new InfraUpgrade.Outcome(InfraUpgrade.Component.CILIUM, "-", "-", null,
                        "not installed by sikifanso on this attached cluster (its CNI is aws-node)"),
                new InfraUpgrade.Outcome(InfraUpgrade.Component.ARGOCD, "10.2.0", "10.2.1", null, null));
        assertThat(kubeconfigAsked).as("no k3d-lab context is looked for").isEmpty();
        assertThat(charts.calls).extracting(RecordingCharts.Call::action).containsExactly("list", "upgrade");
        assertThat(charts.calls).allSatisfy(c -> assertThat(com.sikifanso.core.Mappers.YAML.readTree(c.kubeconfig())
                .path("current-context").asText()).isEqualTo("eks-prod"));
        assertThat(charts.calls.get(1).values().toString()).as("attach's values: no k3d host mount")
                .doesNotContain("/local-gitops").contains("\"keep\":false");
        assertThat(application("argocd").get("spec", "source", "targetRevision").toString())
                .as("attach hands Argo CD no Application of itself; none is written").isEqualTo("10.2.0");
        assertThat(sessions.load(ClusterName.of("lab")).services().argocd().chartVersion()).isEqualTo("10.2.1");
    }

    @Test
    void onAnAttachedClusterUpgradingWhatAttachDidNotInstallIsRefused() throws Exception {
        charts.deployed.put("argocd", "10.2.0");
        for (InfraUpgrade.Component component : InfraUpgrade.Component.values()) {
            assertThatThrownBy(() -> attachedUpgrade(false).upgrade(ClusterName.of("lab"), List.of(component), false,
                    com.sikifanso.agui.RunProgress.toLines(progress::add))).isInstanceOfSatisfying(
                    SikifansoException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("cluster \"lab\" is attached to an existing cluster "
                                + "(context eks-prod), and sikifanso did not install its " + component.label()
                                + "; nothing was changed");
                        assertThat(e.hint()).contains("your provider's add-ons", "sikifanso cluster doctor lab");
                    });
        }
        assertThat(charts.calls).isEmpty();
        assertThat(snapshots).isEmpty();
    }

    @Test
    void onAnAttachedClusterAMissingReleaseIsNotAnsweredWithRecreatingTheCluster() throws Exception {
        assertThatThrownBy(() -> attachedUpgrade(true).upgrade(ClusterName.of("lab"),
                List.of(InfraUpgrade.Component.ARGOCD), true, com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Argo CD is not installed in cluster \"lab\"");
                    assertThat(e.hint()).contains("sikifanso cluster doctor lab").doesNotContain("delete");
                });
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(InfraUpgrade.newer("1.20.0", "1.19.6")).isTrue();
        assertThat(InfraUpgrade.newer("1.9.0", "1.19.6")).isFalse();
        assertThat(InfraUpgrade.newer("v10.2.1", "10.2.0")).isTrue();
        assertThat(InfraUpgrade.newer("main", "1.0.0")).isFalse();
    }

    @Test
    void theClustersOwnContextIsCutOutOfTheUsersKubeconfig() throws Exception {
        Path file = tmp.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - {name: other, cluster: {server: 'https://10.9.9.9'}}
                - {name: k3d-lab, cluster: {server: 'https://127.0.0.1:6550'}}
                contexts:
                - {name: other, context: {cluster: other, user: other}}
                - {name: k3d-lab, context: {cluster: k3d-lab, user: admin@k3d-lab}}
                users:
                - {name: other, user: {token: o}}
                - {name: admin@k3d-lab, user: {token: l}}
                """);

        String own = ClusterKubeconfig.extract(file, ClusterName.of("lab"));

        assertThat(TestInfra.yaml(own)).isEqualTo(TestInfra.yaml("""
                apiVersion: v1
                kind: Config
                clusters: [{name: k3d-lab, cluster: {server: 'https://127.0.0.1:6550'}}]
                users: [{name: admin@k3d-lab, user: {token: l}}]
                contexts: [{name: k3d-lab, context: {cluster: k3d-lab, user: admin@k3d-lab}}]
                current-context: k3d-lab
                """));
        assertThatThrownBy(() -> ClusterKubeconfig.extract(file, ClusterName.of("gone"))).isInstanceOf(SikifansoException.class)
                .hasMessage("the kubeconfig " + file + " has no context k3d-gone");
    }
}
