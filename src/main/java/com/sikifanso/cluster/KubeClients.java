package com.sikifanso.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Kubernetes clients for a cluster, always through its own kubeconfig context, never the current one. */
@FunctionalInterface
public interface KubeClients {
    KubernetesClient forCluster(String cluster);

    static String context(String cluster) {
        return "k3d-" + cluster;
    }

    /** From the user's kubeconfig (KUBECONFIG or ~/.kube/config), context {@code k3d-<cluster>}. */
    static KubeClients fromKubeconfig() {
        return cluster -> new KubernetesClientBuilder().withConfig(Config.autoConfigure(context(cluster))).build();
    }
}
