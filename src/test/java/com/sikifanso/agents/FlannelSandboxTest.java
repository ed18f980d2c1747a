package com.sikifanso.agents;

import static com.sikifanso.agents.Traffic.Verdict.ALLOWED;
import static com.sikifanso.agents.Traffic.Verdict.DENIED;
import static com.sikifanso.agents.Traffic.pod;
import static com.sikifanso.agents.Traffic.tcp;
import static com.sikifanso.agents.Traffic.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.Cni;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sandboxes on a flannel cluster: the chart renders the plain NetworkPolicy alone (no Cilium CRD exists there), read
 * strictly into fabric8's networking/v1 model (generated from the Kubernetes OpenAPI: an unknown field fails), and
 * that policy alone keeps the sandbox closed, as k3s' network policy controller enforces it. What only Cilium can do
 * is refused with the reason.
 */
class FlannelSandboxTest {
    @Test
    void onFlannelOnlyThePlainNetworkPolicyIsRendered() {
        SandboxChart.Manifests rendered = SandboxChart.render(SandboxValues.forAgent("lab").cni("flannel"));

        assertThat(rendered.kinds()).contains("NetworkPolicy", "Namespace", "ResourceQuota")
                .doesNotContain("CiliumNetworkPolicy");
        NetworkPolicy policy = rendered.one("NetworkPolicy", NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    }

    @Test
    void theNetworkPolicyAloneKeepsTheSandboxClosed() {
        NetworkPolicyEvaluator plain = new NetworkPolicyEvaluator(SandboxChart.render(SandboxValues.forAgent("lab")
                .cni("flannel")).one("NetworkPolicy", NetworkPolicy.class));

        assertThat(plain.egress(udp(pod("kube-system", "k8s-app", "kube-dns"), 53))).isEqualTo(ALLOWED);
        assertThat(plain.egress(tcp(pod("rag", "app.kubernetes.io/name", "qdrant"), 6333))).isEqualTo(ALLOWED);
        assertThat(plain.egress(tcp(pod("agent-other", "app", "x"), 8080))).isEqualTo(DENIED);
        assertThat(plain.egress(tcp(new Traffic.Entity("world"), 443))).isEqualTo(DENIED);
        assertThat(plain.egress(tcp(new Traffic.Entity("kube-apiserver"), 6443))).isEqualTo(DENIED);
        assertThat(plain.ingress(tcp(pod("agent-other", "app", "x"), 8080))).isEqualTo(DENIED);
    }

    @Test
    void onCiliumBothPoliciesAreRenderedAsBefore() {
        assertThat(SandboxChart.render(SandboxValues.forAgent("lab")).kinds())
                .contains("NetworkPolicy", "CiliumNetworkPolicy");
    }

    @Test
    void theChartRefusesDnsNamesOnFlannel() {
        assertThatThrownBy(() -> SandboxChart.render(SandboxValues.forAgent("lab").cni("flannel")
                .egressFqdn("api.anthropic.com", 443)))
                .hasMessageContaining("egressFQDNs needs Cilium: with cni flannel, NetworkPolicy has no DNS names");
    }

    @Test
    void agentCreateWithEgressFqdnSaysItNeedsCilium() {
        AgentSpec spec = AgentSpec.DEFAULTS.overriddenBy(new AgentSpec(null, null, null, null, null, null,
                List.of("api.anthropic.com"), null));
        Catalog catalog = Catalog.load(Path.of("src/main/resources/bootstrap"));

        assertThatThrownBy(() -> AgentSandbox.values("lab", spec, catalog, Cni.flannel))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("--egress-fqdn needs Cilium: this cluster runs flannel, and"
                            + " flannel's NetworkPolicy has no DNS names and there is no Hubble");
                    assertThat(e.hint()).isEqualTo("leave --egress-fqdn out (the agent reaches no internet host), or"
                            + " use a cluster created with --cni cilium");
                });
        assertThat(AgentSandbox.values("lab", AgentSpec.DEFAULTS, catalog, Cni.flannel).cni()).isEqualTo("flannel");
        assertThat(AgentSandbox.values("lab", AgentSpec.DEFAULTS, catalog, Cni.cilium).cni()).isNull();
    }

    @Test
    void k3sKeepsItsOwnNetworkingOnFlannel() {
        List<String> configured = List.of("--flannel-backend=none", "--disable-network-policy", "--disable-kube-proxy",
                "--disable=traefik", "--disable=servicelb");

        assertThat(Cni.flannel.k3sArgs(configured)).containsExactly("--disable=traefik", "--disable=servicelb");
        assertThat(Cni.cilium.k3sArgs(configured)).isEqualTo(configured);
    }
}
