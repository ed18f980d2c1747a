package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names the platform owns (its Argo CD Applications and Helm releases, root ApplicationSets and
 * namespaces) can be taken by no app, agent or app namespace: an Application generated with one of
 * them would take over Cilium or Argo CD, and could prune them.
 */
class ReservedNamesTest {
    private static final AgentSpec NO_SETTINGS = new AgentSpec(null, null, null, null, null, null, null, null);

    @TempDir
    Path tmp;

    private TestHome home;
    private RepoSnapshot before;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
        before = RepoSnapshot.of(home.git());
    }

    private static CustomApp app(String name, String namespace) {
        return new CustomApp(name, "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", namespace);
    }

    @Test
    void theReservedListHoldsTheReleasesAndNamespacesTheInfraConfigInstalls() {
        InfraConfig infra = new InfraConfigs().defaults();
        assertThat(ApplicationNames.PLATFORM_APPLICATIONS)
                .contains(infra.cilium().releaseName(), infra.argocd().releaseName());
        assertThat(ApplicationNames.PLATFORM_NAMESPACES)
                .contains(infra.cilium().namespace(), infra.argocd().namespace());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cilium", "argocd"})
    void anAppCannotTakeThePlatformsOwnApplicationName(String name) {
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), app(name, "podinfo"), null))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the name \"" + name + "\" is reserved: it is the platform's own Argo CD Application and "
                        + "Helm release \"" + name + "\" (an app of that name would take it over, and could delete it "
                        + "when removed)")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(SikifansoException.USAGE);
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cilium", "argocd", "root", "catalog", "agents", "kube-system", "default",
        "cilium-secrets"})
    void anAgentCannotTakeAPlatformName(String name) {
        assertThatThrownBy(() -> home.services().agents().create(ClusterName.of(CLUSTER), name, NO_SETTINGS))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("the name \"" + name + "\" is reserved: it is ")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .isEqualTo("pick another agent name; reserved: agents, argocd, catalog, cilium, cilium-secrets, "
                        + "default, kube-node-lease, kube-public, kube-system, root");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void anAppNamedLikeARootApplicationSetOrANamespaceIsRefusedWithWhy() {
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), app("root", "podinfo"), null))
                .hasMessage("the name \"root\" is reserved: it is one of the platform's root ApplicationSets");
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), app("kube-public", "podinfo"), null))
                .hasMessage("the name \"kube-public\" is reserved: it is a namespace that Kubernetes or the platform "
                        + "owns");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kube-system", "kube-public", "kube-node-lease", "default", "argocd", "cilium-secrets"})
    void anAppCannotBeInstalledIntoAPlatformNamespace(String namespace) {
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), app("podinfo", namespace), null))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the namespace \"" + namespace + "\" is reserved: Kubernetes or the platform owns it, and "
                        + "an app's resources there could replace or prune the platform's");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void anAppCannotBeInstalledIntoAnAgentsSandbox() {
        assertThatThrownBy(() -> home.services().apps().addWithValues(ClusterName.of(CLUSTER), app("podinfo", "agent-bob"), null))
                .hasMessageStartingWith("the namespace \"agent-bob\" is reserved: agent-* namespaces are agent "
                        + "sandboxes");
        assertThat(RepoSnapshot.of(home.git())).isEqualTo(before);
    }

    @Test
    void ordinaryNamesStillWork() {
        home.services().apps().addWithValues(ClusterName.of(CLUSTER), app("podinfo", "podinfo"), null);
        home.services().agents().create(ClusterName.of(CLUSTER), "researcher", NO_SETTINGS);
        assertThat(home.git().subjects()).hasSize(3);
        assertThat(List.of(ApplicationNames.requireNotReserved("app", "cilium-tools"))).containsExactly("cilium-tools");
    }
}
