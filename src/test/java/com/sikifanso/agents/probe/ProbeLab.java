package com.sikifanso.agents.probe;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Set;

/**
 * The cluster a probe of agent {@code demo} (allowed qdrant, host api.anthropic.com) finds, as API objects: a server
 * node, the kubernetes Service, a NodePort Service, the qdrant and valkey pods, agent {@code other}'s namespace and
 * pod, and (optionally) the applied policy and a ready Cilium.
 */
public final class ProbeLab {
    public static final String QDRANT_IP = "10.42.0.20";
    public static final String VALKEY_IP = "10.42.0.30";
    public static final String OTHER_AGENT_IP = "10.42.1.9";
    public static final String API_SERVICE_IP = "10.43.0.1";
    public static final String SERVER_IP = "172.18.0.2";
    public static final int NODE_PORT = 30080;

    private ProbeLab() {
    }

    public static void seed(KubernetesClient k) {
        k.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3d-lab-server-0")
                .addToLabels("node-role.kubernetes.io/control-plane", "true").endMetadata().withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress(SERVER_IP).endAddress().endStatus().build()).create();
        k.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("kubernetes")
                .endMetadata().withNewSpec().withClusterIP(API_SERVICE_IP).addNewPort().withPort(443).endPort()
                .endSpec().build()).create();
        k.services().inNamespace("web").resource(new ServiceBuilder().withNewMetadata().withName("site")
                .endMetadata().withNewSpec().withType("NodePort").addNewPort().withPort(80).withNodePort(NODE_PORT)
                .endPort().endSpec().build()).create();
        pod(k, "rag", "qdrant-0", Map.of("app.kubernetes.io/name", "qdrant"), QDRANT_IP);
        pod(k, "storage", "valkey-0", Map.of("app.kubernetes.io/name", "valkey"), VALKEY_IP);
        k.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("agent-other")
                .addToLabels("sikifanso.io/agent", "true").endMetadata().build()).create();
        pod(k, "agent-other", "worker", Map.of("app", "worker"), OTHER_AGENT_IP);
    }

    /** The CiliumNetworkPolicy as Argo CD would have applied it (the spec the repo renders). */
    public static void policyApplied(KubernetesClient k, GenericKubernetesResource rendered) {
        k.genericKubernetesResources(ProbeDiagnosis.CILIUM_NETWORK_POLICY).inNamespace("agent-demo")
                .resource(rendered).create();
    }

    public static GenericKubernetesResource policy(com.fasterxml.jackson.databind.JsonNode rendered) {
        return new GenericKubernetesResourceBuilder().withApiVersion("cilium.io/v2").withKind("CiliumNetworkPolicy")
                .withNewMetadata().withName("agent-isolation").withNamespace("agent-demo").endMetadata()
                .addToAdditionalProperties("spec", com.sikifanso.core.Mappers.JSON.convertValue(
                        rendered.path("spec"), Map.class)).build();
    }

    public static void cilium(KubernetesClient k, int ready, int desired) {
        k.apps().daemonSets().inNamespace("kube-system").resource(new DaemonSetBuilder().withNewMetadata()
                .withName("cilium").endMetadata().withNewStatus().withNumberReady(ready)
                .withDesiredNumberScheduled(desired).endStatus().build()).create();
    }

    private static void pod(KubernetesClient k, String ns, String name, Map<String, String> labels, String ip) {
        k.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name).withLabels(labels)
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("x").endContainer()
                .endSpec().withNewStatus().withPhase("Running").withPodIP(ip).endStatus().build()).create();
    }

    /**
     * What a datapath enforcing demo's policy shows: its allowed service and host connect, DNS resolves, every other
     * try gets no answer (Cilium drops silently), except the {@code leaks} given, which connect.
     */
    public static java.util.function.Function<String, String> enforcing(Set<String> leaks) {
        Set<String> open = Set.of(QDRANT_IP + ":6333", "api.anthropic.com:443");
        return target -> {
            if (!target.contains(":")) {
                return "rc=0 2 addresses";
            }
            return open.contains(target) || leaks.contains(target) ? "rc=0 " : "rc=1 nc: timed out";
        };
    }
}
