package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Cilium still reaches the API server: it is given server-0's address ({@code
 * k8sServiceHost}) at install, and kube-proxy is gone, so when server-0's address changes (Docker
 * gave it out dynamically before networks had a fixed subnet) pod networking stops. The address
 * Cilium uses is read from its Argo CD Application's values, which the install and every upgrade
 * write.
 */
public final class CiliumApiAddress {
    /** Cilium's address and server-0's, when they differ. */
    public record Mismatch(String cluster, String configured, String current) {
        public String describe() {
            return "Cilium reaches the API server at " + configured + ":" + HelmValues.API_SERVER_PORT
                    + ", but server-0 is now at " + current + ", so Cilium loses the API server and pod networking "
                    + "stops";
        }

        public String fix() {
            return "point Cilium at it: helm upgrade cilium cilium/cilium -n kube-system --kube-context k3d-" + cluster
                    + " --reuse-values --set k8sServiceHost=" + current + ", and the same in its Application: kubectl"
                    + " -n argocd --context k3d-" + cluster + " patch application cilium --type merge -p "
                    + "'{\"spec\":{\"source\":{\"helm\":{\"valuesObject\":{\"k8sServiceHost\":\"" + current
                    + "\"}}}}}'; or recreate the cluster, whose server-0 then has a fixed address";
        }
    }

    private CiliumApiAddress() {
    }

    /** k8sServiceHost in the Cilium Application named {@code release}, or empty when there is none. */
    public static Optional<String> configured(KubernetesClient kube, String release) {
        GenericKubernetesResource app = kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace(ApplicationSets.NAMESPACE).withName(release).get();
        if (app == null) {
            return Optional.empty();
        }
        Object host = path(app.getAdditionalProperties().get("spec"), "source", "helm", "valuesObject",
                "k8sServiceHost");
        return host == null ? Optional.empty() : Optional.of(host.toString());
    }

    /** The mismatch, when Cilium's Application names an address other than {@code serverAddress}. */
    public static Optional<Mismatch> check(KubernetesClient kube, ClusterName cluster, String release,
                                           String serverAddress) {
        return configured(kube, release).filter(c -> !c.equals(serverAddress))
                .map(c -> new Mismatch(cluster.value(), c, serverAddress));
    }

    private static Object path(Object node, String... keys) {
        Object at = node;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }
}
