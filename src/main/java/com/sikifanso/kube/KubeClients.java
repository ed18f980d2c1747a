package com.sikifanso.kube;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.K3dNames;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Kubernetes clients for a cluster, always through its own kubeconfig context, never the current one. */
@FunctionalInterface
public interface KubeClients {
    KubernetesClient forCluster(ClusterName cluster);

    static String context(ClusterName cluster) {
        return cluster.k3d().context();
    }

    /** From the user's kubeconfig (KUBECONFIG or ~/.kube/config), context {@code k3d-<cluster>}. */
    static KubeClients fromKubeconfig() {
        return cluster -> new KubernetesClientBuilder().withConfig(Config.autoConfigure(context(cluster))).build();
    }

    /**
     * From the kubeconfig sikifanso merges clusters into (the first KUBECONFIG file, else
     * ~/.kube/config, as {@link Kubeconfigs} writes it), context {@code k3d-<cluster>}.
     */
    static KubeClients fromKubeconfig(java.util.Map<String, String> env) {
        return cluster -> {
            java.nio.file.Path file = new Kubeconfigs(env).file();
            String contents;
            try {
                contents = java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                throw com.sikifanso.core.SikifansoException.failure("cannot read the kubeconfig " + file + ": "
                        + e.getMessage(), "recreate the cluster's entry with: ",
                        com.sikifanso.core.Suggestion.of("cluster", "start").arg("cluster", cluster), e);
            }
            return new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(context(cluster), contents, file.toString())).build();
        };
    }

    /** The same client without fabric8's retries, so a dead API server fails a request at once; closes {@code client}. */
    static KubernetesClient failingFast(KubernetesClient client, java.time.Duration timeout) {
        try (client) {
            int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            return new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(0).withConnectionTimeout(ms).withRequestTimeout(ms).build()).build();
        }
    }
}
