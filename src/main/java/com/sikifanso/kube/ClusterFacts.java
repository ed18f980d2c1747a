package com.sikifanso.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an existing cluster offers the platform, read from its API: the provider (from the nodes' providerID), the
 * network plugin (its DaemonSet in kube-system), whether CiliumNetworkPolicy exists (its CRD), the default storage
 * class, the nodes' architectures and GPUs.
 *
 * @param cni cilium, calico, aws-node (EKS' VPC CNI), azure-cni, gke-dataplane-v2, or "unknown"
 * @param defaultStorageClass null when no class is marked default (claims without a class then stay Pending)
 */
public record ClusterFacts(String provider, String cni, boolean ciliumPolicies, String defaultStorageClass,
                           List<String> storageClasses, List<String> architectures, int nodes, int gpus) {
    static final String CILIUM_POLICY_CRD = "ciliumnetworkpolicies.cilium.io";
    static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    static final List<String> GPU_RESOURCES = List.of("nvidia.com/gpu", "amd.com/gpu");
    /**
     * A CNI's DaemonSet in kube-system and the CNI it is, in the order looked for: Cilium first (AKS' "powered by
     * Cilium" runs it beside azure-cns), then Calico, EKS' VPC CNI, Azure CNI, GKE Dataplane V2 (anetd).
     */
    static final List<Map.Entry<String, String>> CNI_DAEMONSETS = List.of(Map.entry("cilium", "cilium"),
            Map.entry("calico-node", "calico"), Map.entry("aws-node", "aws-node"), Map.entry("azure-cns", "azure-cni"),
            Map.entry("anetd", "gke-dataplane-v2"));

    /** True when agent sandboxes can get CiliumNetworkPolicy (FQDN egress); else plain NetworkPolicy. */
    public boolean cilium() {
        return "cilium".equals(cni) && ciliumPolicies;
    }

    /** One line: "eks, 3 nodes (amd64, arm64, 4 GPUs), CNI aws-node, default storage class gp2". */
    public String describe() {
        return provider + ", " + nodes + " node" + (nodes == 1 ? "" : "s") + " (" + String.join(", ", architectures)
                + (gpus > 0 ? ", " + gpus + " GPU" + (gpus == 1 ? "" : "s") : "") + "), CNI " + cni
                + ", default storage class " + (defaultStorageClass == null ? "none" : defaultStorageClass);
    }

    public static ClusterFacts detect(KubernetesClient kube) {
        List<Node> nodes = kube.nodes().list().getItems();
        List<StorageClass> classes = kube.storage().v1().storageClasses().list().getItems();
        return new ClusterFacts(provider(nodes), cni(kube),
                kube.apiextensions().v1().customResourceDefinitions().withName(CILIUM_POLICY_CRD).get() != null,
                classes.stream().filter(c -> "true".equals(annotation(c, DEFAULT_CLASS)))
                        .map(c -> c.getMetadata().getName()).findFirst().orElse(null),
                classes.stream().map(c -> c.getMetadata().getName()).sorted().toList(),
                List.copyOf(new TreeSet<>(nodes.stream().map(n -> n.getMetadata().getLabels())
                        .filter(Objects::nonNull).map(l -> l.get("kubernetes.io/arch")).filter(Objects::nonNull)
                        .toList())),
                nodes.size(), nodes.stream().mapToInt(ClusterFacts::gpus).sum());
    }

    private static String cni(KubernetesClient kube) {
        for (Map.Entry<String, String> e : CNI_DAEMONSETS) {
            if (kube.apps().daemonSets().inNamespace("kube-system").withName(e.getKey()).get() != null) {
                return e.getValue();
            }
        }
        return "unknown";
    }

    /** aws:///… is EKS, gce://… GKE, azure:///… AKS; k3s:// a k3s node; else whatever scheme the ID has. */
    private static String provider(List<Node> nodes) {
        for (Node n : nodes) {
            String id = n.getSpec() == null ? null : n.getSpec().getProviderID();
            if (id != null && id.contains("://")) {
                String scheme = id.substring(0, id.indexOf("://"));
                return switch (scheme) {
                    case "aws" -> "eks";
                    case "gce" -> "gke";
                    case "azure" -> "aks";
                    default -> scheme;
                };
            }
        }
        return "unknown";
    }

    private static int gpus(Node node) {
        Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
        if (allocatable == null) {
            return 0;
        }
        return GPU_RESOURCES.stream().map(allocatable::get).filter(Objects::nonNull)
                .mapToInt(q -> q.getNumericalAmount().intValue()).sum();
    }

    private static String annotation(StorageClass c, String key) {
        Map<String, String> a = c.getMetadata().getAnnotations();
        return a == null ? null : a.get(key);
    }
}
