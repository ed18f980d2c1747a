package com.sikifanso.doctor;

import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.platform.CiliumApiAddress;
import com.sikifanso.core.K3dNames;
import com.sikifanso.cluster.NodeLayout;
import com.sikifanso.cluster.NodeRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/** Whether the address Cilium reaches the API server at is server-0's current one, and a fixed one. */
final class CiliumAddress {
    static final String ROW = "Cilium API address";

    private final NodeRuntime nodes;
    private final KubernetesClient kube;

    CiliumAddress(NodeRuntime nodes, KubernetesClient kube) {
        this.nodes = nodes;
        this.kube = kube;
    }

    CheckResult check(ClusterName cluster, String ciliumRelease) {
        K3dNames names = cluster.k3d();
        String server = names.server(0);
        Hint recreate = Hint.of("recreate the cluster, whose server-0 then has a fixed address: ",
                Doctor.recreateFromSnapshot(cluster));
        Optional<String> current = nodes.address(server, names.network());
        if (current.isEmpty()) {
            return CheckResult.fail(ROW, "server-0 has no address", server + " has no address on the network "
                    + names.network(), Doctor.restart(cluster));
        }
        Optional<String> configured = CiliumApiAddress.configured(kube, ciliumRelease);
        if (configured.isEmpty()) {
            return CheckResult.warn(ROW, "unknown", "Argo CD has no Application " + ciliumRelease + " with the "
                    + "address Cilium was installed with", recreate);
        }
        if (!configured.get().equals(current.get())) {
            CiliumApiAddress.Mismatch m = new CiliumApiAddress.Mismatch(cluster.value(), configured.get(), current.get());
            return CheckResult.fail(ROW, configured.get() + " is not server-0's " + current.get(), m.describe(),
                    m.fix());
        }
        Map<String, String> labels = nodes.inspect(server).getConfig().getLabels();
        if (labels == null || !current.get().equals(labels.get(NodeLayout.STATIC_IP_LABEL))) {
            return CheckResult.warn(ROW, current.get() + ", not fixed", server + "'s address was given out by Docker"
                    + " (a cluster made before networks had a fixed subnet), so a Docker restart can change it and "
                    + "cut Cilium off the API server", recreate);
        }
        return CheckResult.pass(ROW, current.get() + ":" + NodeLayout.API_PORT + ", server-0's fixed address");
    }
}
