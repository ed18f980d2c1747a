package com.sikifanso.agents.probe;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/** Why a probe mismatched, as far as the API can tell: the policy not (yet) applied, or Cilium not ready. */
public final class ProbeDiagnosis {
    static final String POLICY = "agent-isolation";
    static final String CILIUM_NAMESPACE = "kube-system";
    public static final ResourceDefinitionContext CILIUM_NETWORK_POLICY = new ResourceDefinitionContext.Builder()
            .withGroup("cilium.io").withVersion("v2").withKind("CiliumNetworkPolicy")
            .withPlural("ciliumnetworkpolicies").withNamespaced(true).build();

    private final KubernetesClient kube;

    ProbeDiagnosis(KubernetesClient kube) {
        this.kube = kube;
    }

    List<Hint> causes(String agent, JsonNode rendered) {
        String ns = AgentSandbox.namespace(agent);
        List<Hint> causes = new ArrayList<>();
        GenericKubernetesResource live = kube.genericKubernetesResources(CILIUM_NETWORK_POLICY)
                .inNamespace(ns).withName(POLICY).get();
        if (live == null) {
            causes.add(Hint.of("the CiliumNetworkPolicy " + POLICY + " is not in " + ns + ": Argo CD has not applied "
                    + "the sandbox yet (", Suggestion.of("app", "status").arg("name", agent), ")"));
        } else if (!Mappers.JSON.valueToTree(live.getAdditionalProperties().get("spec")).equals(rendered.path("spec"))) {
            causes.add(Hint.of("the CiliumNetworkPolicy in " + ns + " differs from the one the repo renders: a change "
                    + "is not synced yet (", Suggestion.of("app", "sync").arg("name", agent), ")"));
        }
        DaemonSet cilium = kube.apps().daemonSets().inNamespace(CILIUM_NAMESPACE).withName("cilium").get();
        if (cilium == null) {
            causes.add(Hint.text("no Cilium DaemonSet in " + CILIUM_NAMESPACE + ": only the plain NetworkPolicy "
                    + "applies, which cannot deny the nodes or allow named internet hosts"));
        } else if (cilium.getStatus() == null || !java.util.Objects.equals(cilium.getStatus().getNumberReady(),
                cilium.getStatus().getDesiredNumberScheduled())) {
            causes.add(Hint.of("Cilium is not ready on every node (" + (cilium.getStatus() == null ? 0
                    : cilium.getStatus().getNumberReady()) + " of " + (cilium.getStatus() == null ? "?"
                    : cilium.getStatus().getDesiredNumberScheduled()) + " agents ready): ",
                    Suggestion.of("cluster", "doctor")));
        }
        if (causes.isEmpty()) {
            causes.add(Hint.text("the policy is applied and Cilium is ready, so the datapath disagrees with it: see "
                    + "the drops with hubble observe --namespace " + ns + " --verdict DROPPED"));
        }
        return causes;
    }
}
